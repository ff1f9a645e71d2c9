using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Benchmarks;

/// <summary>
/// Replays the NAS-Bench-201 protocol: a strategy searches the cell space with the table's 12-epoch validation
/// accuracy as its signal, for a budget of distinct evaluations, and the run is judged by the 200-epoch test
/// accuracy of the cell with the best signal. Repeated over independent runs (in parallel; results are ordered
/// by run and identical for the same seeds).
/// </summary>
public sealed class Nb201Benchmark
{
    private readonly SearchSpace _space = Nb201Space.Instance;

    /// <summary>Creates the benchmark over <paramref name="table"/> for <paramref name="dataset"/> (CIFAR-10 by default).</summary>
    public Nb201Benchmark(Nb201Table table, Nb201Dataset? dataset = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
        Dataset = dataset ?? Nb201Dataset.Cifar10;
        if (!table.HasColumn(Dataset.ValidationColumn))
        {
            throw new ArgumentException($"The table '{table.Path}' has no column '{Dataset.ValidationColumn}' to search on.", nameof(table));
        }

        Optimum = table.Column(Dataset.TestColumn).Max();
    }

    /// <summary>The table the benchmark answers from.</summary>
    public Nb201Table Table { get; }

    /// <summary>The dataset searched on (its validation column) and reported for (its test column).</summary>
    public Nb201Dataset Dataset { get; }

    /// <summary>The best test accuracy of any cell in the table.</summary>
    public double Optimum { get; }

    /// <summary>
    /// Runs <paramref name="runs"/> independent searches with <paramref name="algorithm"/> (a <see cref="StrategyCatalog"/>
    /// name); run r uses seed <paramref name="baseSeed"/> + r.
    /// </summary>
    public Nb201BenchmarkResult Run(string algorithm, IReadOnlyDictionary<string, string>? parameters, int budget, int runs, ulong baseSeed = 0, int maxDegreeOfParallelism = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        var given = parameters ?? new Dictionary<string, string>();
        _ = StrategyCatalog.Create(algorithm, _space, given, baseSeed); // fail fast on a bad name or parameter
        var results = new Nb201RunResult[runs];
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, run =>
            results[run] = RunOnce(algorithm, given, budget, baseSeed + (ulong)run));

        var finals = results.Select(r => r.TestAccuracy).ToArray();
        var mean = finals.Average();
        var std = Math.Sqrt(finals.Sum(f => (f - mean) * (f - mean)) / finals.Length);
        return new Nb201BenchmarkResult(
            algorithm,
            new Dictionary<string, string>(given, StringComparer.Ordinal),
            Dataset.Name,
            budget,
            runs,
            results.Average(r => (double)r.Evaluations),
            mean,
            std,
            Median(finals),
            Optimum,
            results);
    }

    /// <summary>
    /// One search: proposals of a cell whose isomorphism class (<see cref="SearchSpace.CanonicalKey"/>) this run already
    /// evaluated are answered from the run's cache, free; each other proposal costs one evaluation. Stops after
    /// <paramref name="budget"/> evaluations, or with what it has after 100 x budget + 1000 proposals.
    /// </summary>
    public Nb201RunResult RunOnce(string algorithm, IReadOnlyDictionary<string, string>? parameters, int budget, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        var strategy = StrategyCatalog.Create(algorithm, _space, parameters, seed);
        var cache = new Dictionary<string, double?>(StringComparer.Ordinal);
        var curve = new List<double>(budget);
        var maxProposals = (100L * budget) + 1000;
        var proposals = 0;
        Nb201Row? best = null;
        var bestMetric = double.NegativeInfinity;
        var bestTest = double.NaN;
        while (curve.Count < budget && proposals < maxProposals)
        {
            var architecture = strategy.Propose();
            proposals++;
            var key = _space.CanonicalKey(architecture);
            if (cache.TryGetValue(key, out var cached))
            {
                strategy.Observe(architecture, cached);
                continue;
            }

            var row = Table.Find(architecture);
            double? score = row?.Value(Dataset.ValidationColumn);
            if (score is { } s && double.IsNaN(s))
            {
                score = null;
            }

            cache[key] = score;
            if (row is not null && score is { } metric && metric > bestMetric)
            {
                best = row;
                bestMetric = metric;
                bestTest = row.Value(Dataset.TestColumn);
            }

            curve.Add(bestTest);
            strategy.Observe(architecture, score);
        }

        return new Nb201RunResult(seed, curve.Count, proposals, best?.ArchString ?? "", bestMetric, bestTest, curve);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
