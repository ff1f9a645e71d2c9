namespace NasOrleans.Core.Specs;

/// <summary>Reads the <c>domains:</c> list of a spec tree, reporting parse-level problems at <c>domains[i].field</c>.</summary>
internal static class DomainSpecReader
{
    public static readonly IReadOnlyList<string> Keys = ["name", "dataset", "batch_size", "validation_size", "max_train_samples", "weight"];

    /// <summary>The domains of <paramref name="node"/> (empty for an empty list; unreadable items are left out after their error).</summary>
    public static List<DomainSpec> Read(SpecTreeReader r, SpecNode node)
    {
        var result = new List<DomainSpec>();
        var items = r.List(node, "domains", "domains (name, dataset, optional batch_size, validation_size, max_train_samples, weight)") ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"domains[{i}]";
            var map = r.Map(items[i], path, Keys) ?? [];
            result.Add(new DomainSpec(
                r.Text(map.GetValueOrDefault("name"), $"{path}.name") ?? string.Empty,
                r.Text(map.GetValueOrDefault("dataset"), $"{path}.dataset") ?? string.Empty,
                (int?)r.Whole(map.GetValueOrDefault("batch_size"), $"{path}.batch_size", int.MinValue, int.MaxValue, $"use at most {DomainSpec.MaxBatchSize}"),
                r.Number(map.GetValueOrDefault("validation_size"), $"{path}.validation_size"),
                (int)(r.Whole(map.GetValueOrDefault("max_train_samples"), $"{path}.max_train_samples", int.MinValue, int.MaxValue, $"use at most {int.MaxValue}")
                    ?? DomainSpec.DefaultMaxTrainSamples),
                r.Number(map.GetValueOrDefault("weight"), $"{path}.weight") ?? 1));
        }

        return result;
    }
}
