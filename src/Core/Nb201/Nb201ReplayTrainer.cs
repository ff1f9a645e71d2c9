using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Nb201;

/// <summary>
/// A trainer that answers from the NAS-Bench-201 table instead of training: the recorded 12-epoch validation
/// accuracy (the search signal), the 200-epoch test accuracy, the network's parameters and FLOPs, and the measured
/// latencies. Trials finish at once, so an algorithm is measured against published results in seconds.
/// </summary>
public sealed class Nb201ReplayTrainer : ITrainer
{
    /// <summary>The trainer kind's name in specs.</summary>
    public const string KindName = "nb201-replay";

    /// <summary>The latency devices of the table (its <c>lat_*</c> columns), the default first.</summary>
    public static readonly IReadOnlyList<string> LatencyDevices = ["pixel3", "fpga", "eyeriss", "raspi4", "titan_rtx_256", "gold_6226", "pixel2"];

    private const string LatencyPrefix = "lat_";

    private readonly string _tablePath;
    private readonly Nb201Dataset _dataset;
    private readonly string _latencyDevice;

    /// <summary>Creates the trainer over the table at <paramref name="tablePath"/> (read on the first trial, once per process).</summary>
    public Nb201ReplayTrainer(string tablePath, Nb201Dataset dataset, string latencyDevice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tablePath);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(latencyDevice);
        _tablePath = Path.GetFullPath(tablePath);
        _dataset = dataset;
        _latencyDevice = latencyDevice;
    }

    /// <summary>The metrics every trial reports (the <c>latency_*_ms</c> ones for each <c>lat_*</c> column of the table).</summary>
    public static IReadOnlyList<string> Metrics { get; } =
        ["validation_accuracy", "test_accuracy", "params", "flops", "latency_ms", .. LatencyDevices.Select(d => $"latency_{d}_ms")];

    /// <summary>The catalog entry.</summary>
    public static TrainerDescriptor Descriptor { get; } = new(
        KindName,
        "Answers from the NAS-Bench-201 table (15,625 cells trained by the benchmark's authors) instead of training: "
        + "validation_accuracy is the 12-epoch validation accuracy, test_accuracy the 200-epoch test accuracy.",
        [
            new ParameterDescriptor("table", ParameterKind.Text, "", $"Path of nb201.csv; empty means <shared>/{Nb201Table.SharedRelativePath}."),
            new ParameterDescriptor("dataset", ParameterKind.Text, Nb201Dataset.Cifar10.Name, "Whose accuracies to report.", Choices: [.. Nb201Dataset.All.Select(d => d.Name)]),
            new ParameterDescriptor("latency_device", ParameterKind.Text, LatencyDevices[0], "The device whose measured latency is reported as latency_ms.", Choices: LatencyDevices),
        ],
        Metrics,
        [Nb201Space.KindName],
        (spec, _, env) =>
        {
            var p = new ResolvedParameters(Descriptor!.Parameters, spec.Parameters);
            var path = TablePath(p, env);
            Nb201Table.EnsureExists(path);
            return new Nb201ReplayTrainer(path, Nb201Dataset.Get(p.GetString("dataset")), p.GetString("latency_device"));
        },
        (spec, env) => [TablePath(new ResolvedParameters(Descriptor!.Parameters, spec.Parameters), env)])
    {
        CostMetrics = ["params", "flops", "latency_ms", .. LatencyDevices.Select(d => $"latency_{d}_ms")],
        Cost = CostFunction,
    };

    /// <summary>The table this trainer answers from (read once per path per process).</summary>
    public Nb201Table Table => Nb201Table.Shared(_tablePath);

    /// <inheritdoc />
    public Task<TrialOutcome> TrainAsync(TrainingRequest request, ITrainingProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var table = Table;
        var row = table.Find(request.Architecture);
        if (row is null)
        {
            return Task.FromResult(TrialOutcome.Failure($"The NAS-Bench-201 table has no cell for architecture {request.Architecture.Key}."));
        }

        var cost = Nb201CostModel.Compute(row.Architecture, _dataset);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["validation_accuracy"] = row.Value(_dataset.ValidationColumn),
            ["test_accuracy"] = row.Value(_dataset.TestColumn),
            ["params"] = cost.Params,
            ["flops"] = cost.Flops,
        };
        foreach (var column in table.NumericColumns.Where(c => c.StartsWith(LatencyPrefix, StringComparison.Ordinal)))
        {
            metrics[$"latency_{column[LatencyPrefix.Length..]}_ms"] = row.Value(column);
        }

        var chosen = LatencyPrefix + _latencyDevice;
        if (!table.HasColumn(chosen))
        {
            return Task.FromResult(TrialOutcome.Failure($"The NAS-Bench-201 table '{table.Path}' has no latency column '{chosen}'."));
        }

        metrics["latency_ms"] = row.Value(chosen);
        return Task.FromResult(TrialOutcome.Success(metrics));
    }

    /// <summary>A metric known before training: params and FLOPs computed from the cell, a latency read from the table.</summary>
    private static Func<Architecture, double> CostFunction(TrainerSpec spec, SearchSpace space, TrainerEnvironment environment, string metric)
    {
        var p = new ResolvedParameters(Descriptor.Parameters, spec.Parameters);
        var dataset = Nb201Dataset.Get(p.GetString("dataset"));
        switch (metric)
        {
            case "params":
                return a => Nb201CostModel.Compute(a, dataset).Params;
            case "flops":
                return a => Nb201CostModel.Compute(a, dataset).Flops;
        }

        var device = metric == "latency_ms" ? p.GetString("latency_device")
            : metric.StartsWith("latency_", StringComparison.Ordinal) && metric.EndsWith("_ms", StringComparison.Ordinal) ? metric["latency_".Length..^"_ms".Length]
            : throw new ArgumentException($"The NAS-Bench-201 replay trainer cannot compute '{metric}' before training.", nameof(metric));
        var path = TablePath(p, environment);
        Nb201Table.EnsureExists(path);
        var table = Nb201Table.Shared(path);
        var column = LatencyPrefix + device;
        return table.HasColumn(column)
            ? a => table.Get(a).Value(column)
            : throw new ArgumentException($"The NAS-Bench-201 table '{path}' has no column '{column}'.", nameof(metric));
    }

    private static string TablePath(ResolvedParameters parameters, TrainerEnvironment environment)
    {
        var table = parameters.GetString("table");
        return string.IsNullOrWhiteSpace(table) ? environment.SharedPath(Nb201Table.SharedRelativePath) : table;
    }
}
