using NasOrleans.Core;
using NasOrleans.Core.Benchmarks;
using NasOrleans.Core.Nb201;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Client.Commands;

/// <summary>How <c>nas bench nb201</c> reads its options: the algorithms and their parameters, the table, the constraint.</summary>
internal static class Nb201BenchInputs
{
    /// <summary>
    /// The comma-separated algorithms, each with the <c>--param</c> values it declares (with one algorithm, all of
    /// them, so an unknown one is an error); a parameter that no listed algorithm declares is an error.
    /// </summary>
    public static IReadOnlyList<(string Name, Dictionary<string, string> Parameters)> Algorithms(string list, IEnumerable<string> pairs)
    {
        var known = string.Join(", ", StrategyCatalog.Algorithms.Where(a => a.Job is null).Select(a => a.Name));
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            throw new CliException($"--algorithm names no algorithm; known: {known}.", ExitCodes.InvalidInput);
        }

        var descriptors = names.Select(n => StrategyCatalog.Find(n) is { Job: null } found ? found : throw new CliException($"--algorithm '{n}' is unknown; known: {known}.", ExitCodes.InvalidInput)).ToList();
        var given = ParseParameters(pairs);
        var unclaimed = given.Keys.FirstOrDefault(k => descriptors.Count > 1 && !descriptors.Any(d => d.Parameters.Any(p => p.Name == k)));
        if (unclaimed is not null)
        {
            throw new CliException($"--param '{unclaimed}' is a parameter of none of {string.Join(", ", names)}.", ExitCodes.InvalidInput);
        }

        var result = new List<(string, Dictionary<string, string>)>();
        foreach (var descriptor in descriptors)
        {
            var own = given.Where(g => descriptors.Count == 1 || descriptor.Parameters.Any(p => p.Name == g.Key)).ToDictionary(StringComparer.Ordinal);
            try
            {
                _ = new ResolvedParameters(descriptor.Parameters, own);
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"--param ({descriptor.Name}): {ex.Message}", ExitCodes.InvalidInput);
            }

            result.Add((descriptor.Name, own));
        }

        return result;
    }

    public static string TablePath(string? data)
    {
        if (data is not null && File.Exists(data))
        {
            return Path.GetFullPath(data);
        }

        var shared = SharedDirectory.Resolve(data)
            ?? throw new CliException("The NAS-Bench-201 table was not found: pass --data <shared dir or nb201.csv>, set NAS_SHARED_DIR, or put the folder 'shared' beside the repository.", ExitCodes.InvalidInput);
        var path = Path.Combine(shared, Nb201Table.SharedRelativePath);
        return File.Exists(path) ? path : throw new CliException($"The NAS-Bench-201 table {path} does not exist; pass --data <nb201.csv>.", ExitCodes.InvalidInput);
    }

    public static Nb201Constraint? Constraint(string? text, Nb201Table table)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        Nb201Constraint constraint;
        try
        {
            constraint = Nb201Constraint.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new CliException($"--constraint: {ex.Message}", ExitCodes.InvalidInput);
        }

        var costs = table.NumericColumns.Where(CostAllowList.IsAllowed).ToList();
        if (!table.HasColumn(constraint.Column))
        {
            throw new CliException($"--constraint: the table has no column '{constraint.Column}'; columns known before training: {string.Join(", ", costs)}.", ExitCodes.InvalidInput);
        }

        return CostAllowList.IsAllowed(constraint.Column)
            ? constraint
            : throw new CliException(
                $"--constraint: '{constraint.Column}' is not known before training, so it cannot be the strategies' cost (they would search on the answer); "
                + $"constrain one of the columns on the cost allow-list: {string.Join(", ", costs)}.",
                ExitCodes.InvalidInput);
    }

    private static Dictionary<string, string> ParseParameters(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliException($"--param '{pair}' is not name=value.", ExitCodes.InvalidInput);
            }

            result[pair[..eq]] = pair[(eq + 1)..];
        }

        return result;
    }
}
