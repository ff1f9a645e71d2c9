using NasOrleans.Core.Specs;

namespace NasOrleans.Client.Commands;

/// <summary>The benchmarks' synthetic space: eight decisions of ten digits each (10^8 architectures, so no repeats).</summary>
internal static class BenchSpace
{
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Adds decisions a to h, each one of ten digits.</summary>
    public static StudySpecBuilder WithEightDigits(this StudySpecBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var name in new[] { "a", "b", "c", "d", "e", "f", "g", "h" })
        {
            builder.AddCategorical(name, Digits);
        }

        return builder;
    }
}
