namespace NasOrleans.Storage.Tests.GrainStorage;

/// <summary>The persistent state of <see cref="CounterGrain"/>.</summary>
[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)] public string Name { get; set; } = "";

    [Id(1)] public int Count { get; set; }

    [Id(2)] public List<double> Values { get; set; } = [];
}
