using System.Text;

namespace NasOrleans.System.Tests;

/// <summary>Writes the hostile and mistaken specs of the spec-validation issue into a folder, at test time.</summary>
internal static class HostileSpecFiles
{
    private static string Tabular => File.ReadAllText(Path.Combine(NasProcess.RepositoryRoot, "examples", "tabular-mlp.yaml"));

    /// <summary>Writes the spec called <paramref name="name"/> into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory, string name)
    {
        var path = Path.Combine(directory, name + ".yaml");
        File.WriteAllText(path, name switch
        {
            "alias-bomb" => AliasBomb(),
            "deep-30k" => "name: " + new string('[', 30_000) + new string(']', 30_000) + "\n",
            "ten-megabytes" => Tabular + "# " + new string('x', 10 << 20) + "\n",
            "values-over-limit" => Custom(10_001),
            "values-at-limit" => Custom(10_000),
            "csv-missing" => Dataset("csv:/nonexistent"),
            "idx-missing" => Dataset("\"idx:/no/a,/no/b\""),
            "idx-malformed" => Dataset("\"idx:/no/a\""),
            "csv-garbage" => Dataset("csv:" + Garbage(directory)),
            "unknown-dataset" => Dataset("imagenet-22k"),
            "mlp-width-100000" => Tabular.Replace("widths: 8,16,32,64,128", "widths: 8,16,32,64,100000", StringComparison.Ordinal),
            "validation-size-too-large" => Tabular.Replace("dataset: wine", "dataset: wine\n    validation_size: 5000", StringComparison.Ordinal),
            "tabnas-without-cost" => Tabular
                .Replace("constraints:\n  - metric: params\n    max: 20000\n", string.Empty, StringComparison.Ordinal)
                .Replace("name: evolution\n  seed: 3\n  parameters:\n    population_size: 8\n    sample_size: 3\n", "name: tabnas\n", StringComparison.Ordinal),
            _ => throw new ArgumentException($"no hostile spec '{name}'", nameof(name)),
        });
        return path;
    }

    private static string Dataset(string dataset) => Tabular.Replace("dataset: wine", "dataset: " + dataset, StringComparison.Ordinal);

    private static string AliasBomb()
    {
        var text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        var previous = 'a';
        foreach (var c in "bcdefghi")
        {
            text.Append(c).Append(": &").Append(c).Append(" [").AppendJoin(',', Enumerable.Repeat($"*{previous}", 9)).Append("]\n");
            previous = c;
        }

        return text.ToString();
    }

    private static string Custom(int values) =>
        "name: many-values\nobjective: {metric: loss, goal: minimize}\nspace:\n  decisions:\n"
        + $"    - {{name: big, type: categorical, values: [{string.Join(',', Enumerable.Range(0, values).Select(i => $"v{i}"))}]}}\n"
        + "algorithm: {name: random}\ntrainer: {kind: synthetic}\nbudget: {max_trials: 10}\n";

    private static string Garbage(string directory)
    {
        var path = Path.Combine(directory, "garbage.csv");
        File.WriteAllText(path, "hello world\nthis,is,not\nnumbers,at,all\n");
        return path;
    }
}
