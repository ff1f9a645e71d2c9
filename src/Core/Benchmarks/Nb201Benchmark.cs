using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Benchmarks;

/// <summary>
/// Replays the NAS-Bench-201 protocol: a strategy searches the cell space with the table's 12-epoch validation
/// accuracy as its signal, for a budget of distinct evaluations, and the run is judged by the 200-epoch test
/// accuracy of the cell with the best signal. Repeated over independent runs (in parallel; results are ordered
/// by run and identical for the same seeds).
/// </summary>
/// <remarks>
/// With a <see cref="Nb201Constraint"/> on a column known before training (a measured latency such as
/// <c>lat_pixel3</c>), strategies get that column as their cost function and its max as their cost limit
/// (<see cref="StrategyContext"/>); a run's answer is then the feasible evaluated cell with the best signal, and an
/// infeasible proposal is still trained (it costs an evaluation) and observed with its score, as a study records a
/// trial that breaks a constraint, but can never be the answer.
/// </remarks>
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
    public Nb201BenchmarkResult Run(string algorithm, IReadOnlyDictionary<string, string>? parameters, int budget, int runs, ulong baseSeed = 0, int maxDegreeOfParallelism = -1, Nb201Constraint? constraint = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        var given = parameters ?? new Dictionary<string, string>();
        var constrainedOptimum = constraint is null ? Optimum : ConstrainedOptimum(constraint);
        _ = StrategyCatalog.Create(algorithm, _space, given, baseSeed, Context(constraint)); // fail fast on a bad name or parameter
        var results = new Nb201RunResult[runs];
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, run =>
            results[run] = RunOnce(algorithm, given, budget, baseSeed + (ulong)run, constraint));

        var answered = results.Where(r => !double.IsNaN(r.TestAccuracy)).ToArray();
        var finals = answered.Length == 0 ? [double.NaN] : answered.Select(r => r.TestAccuracy).ToArray();
        var mean = finals.Average();
        var std = Math.Sqrt(finals.Sum(f => (f - mean) * (f - mean)) / finals.Length);
        var summary = constraint is null ? null : new Nb201ConstraintSummary(
            constraint,
            constrainedOptimum,
            SignalOptimum(constraint),
            constrainedOptimum - mean,
            (double)results.Sum(r => r.InfeasibleEvaluations) / Math.Max(1, results.Sum(r => r.Evaluations)),
            runs - answered.Length);
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
            results)
        {
            Constraint = summary,
        };
    }

    /// <summary>
    /// What strategies are given under <paramref name="constraint"/>: the column as their cost and its max as the limit. Only a
    /// column of <see cref="CostAllowList"/> (known before training) may be a cost; any other throws <see cref="ArgumentException"/>.
    /// </summary>
    public StrategyContext Context(Nb201Constraint? constraint)
    {
        if (constraint is null)
        {
            return StrategyContext.Empty;
        }

        return CostAllowList.IsAllowed(constraint.Column)
            ? new StrategyContext(Cost(constraint.Column), constraint.Max)
            : throw new ArgumentException($"'{constraint.Column}' is not known before training, so it cannot be a cost; use one of {CostAllowList.Describe()}.", nameof(constraint));
    }

    /// <summary>
    /// One search: proposals of a cell whose isomorphism class (<see cref="SearchSpace.CanonicalKey"/>) this run already
    /// evaluated are answered from the run's cache, free; each other proposal costs one evaluation. Stops after
    /// <paramref name="budget"/> evaluations, or with what it has after 100 x budget + 1000 proposals. With
    /// <paramref name="constraint"/>, only feasible cells can be the answer (the test accuracy is NaN when none was evaluated).
    /// </summary>
    public Nb201RunResult RunOnce(string algorithm, IReadOnlyDictionary<string, string>? parameters, int budget, ulong seed, Nb201Constraint? constraint = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        if (constraint is not null && !Table.HasColumn(constraint.Column))
        {
            throw new ArgumentException($"The table has no column '{constraint.Column}' to constrain; known: {string.Join(", ", Table.NumericColumns)}.", nameof(constraint));
        }

        var strategy = StrategyCatalog.Create(algorithm, _space, parameters, seed, Context(constraint));
        var infeasible = 0;
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
            var feasible = constraint is null || (row is not null && constraint.Holds(row.Value(constraint.Column)));
            infeasible += feasible ? 0 : 1;
            if (row is not null && feasible && score is { } metric && metric > bestMetric)
            {
                best = row;
                bestMetric = metric;
                bestTest = row.Value(Dataset.TestColumn);
            }

            curve.Add(bestTest);
            strategy.Observe(architecture, score);
        }

        return new Nb201RunResult(seed, curve.Count, proposals, best?.ArchString ?? "", bestMetric, bestTest, curve) { InfeasibleEvaluations = infeasible };
    }

    /// <summary>The best test accuracy of any cell that satisfies <paramref name="constraint"/> (NaN when none does).</summary>
    public double ConstrainedOptimum(Nb201Constraint constraint)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        var column = Table.Column(constraint.Column);
        var test = Table.Column(Dataset.TestColumn);
        var feasible = Enumerable.Range(0, column.Length).Where(i => constraint.Holds(column[i])).Select(i => test[i]).ToList();
        return feasible.Count == 0 ? double.NaN : feasible.Max();
    }

    /// <summary>The test accuracy of the feasible cell with the best search signal (NaN when no cell is feasible).</summary>
    public double SignalOptimum(Nb201Constraint constraint)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        var best = Table.Rows.Where(r => constraint.Holds(r.Value(constraint.Column))).MaxBy(r => r.Value(Dataset.ValidationColumn));
        return best?.Value(Dataset.TestColumn) ?? double.NaN;
    }

    /// <summary>The cost function strategies get under a constraint: the cell's value in <paramref name="column"/> (infinite for a cell the table lacks).</summary>
    private Func<Architecture, double> Cost(string column) =>
        architecture => Table.Find(architecture) is { } row && row.TryGetValue(column, out var v) && !double.IsNaN(v) ? v : double.PositiveInfinity;

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
