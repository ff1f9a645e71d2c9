using System.Globalization;
using System.IO.Hashing;
using System.Text;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Trainers;

/// <summary>
/// A trainer for tests and throughput benchmarks: the accuracy is a fixed, additive function of the
/// decisions (so search can climb it), with an optional duration per trial and an optional share of
/// failures, both decided from the architecture so a rerun sees the same.
/// </summary>
public sealed class SyntheticTrainer : ITrainer
{
    /// <summary>The trainer kind's name in specs.</summary>
    public const string KindName = "synthetic";

    private readonly TimeSpan _duration;
    private readonly double _failureRate;
    private readonly int _epochs;
    private readonly TimeProvider _time;
    private readonly string _salt;
    private readonly string? _holdFile;

    /// <summary>Creates the trainer.</summary>
    public SyntheticTrainer(TimeSpan duration, double failureRate, int epochs, string salt, TimeProvider time, string? holdFile = null)
    {
        _duration = duration;
        _failureRate = failureRate;
        _epochs = epochs;
        _salt = salt;
        _time = time;
        _holdFile = holdFile;
    }

    /// <summary>How often a held trial looks whether its hold file is gone.</summary>
    public static TimeSpan HoldPollInterval { get; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The catalog entry.</summary>
    public static TrainerDescriptor Descriptor { get; } = new(
        KindName,
        "A made-up accuracy from the architecture, for tests and benchmarks; optionally slow or failing.",
        [
            new ParameterDescriptor("duration_ms", ParameterKind.Integer, "0", "Time each trial takes, in milliseconds.", Min: 0, Max: 3_600_000),
            new ParameterDescriptor("failure_rate", ParameterKind.Number, "0", "Share of architectures whose training fails (decided from the architecture).", Min: 0, Max: 1),
            new ParameterDescriptor("epochs", ParameterKind.Integer, "1", "Intermediate reports per trial (the duration is split between them).", Min: 1, Max: 1000),
            new ParameterDescriptor("salt", ParameterKind.Text, "nas", "Changes the made-up landscape."),
            new ParameterDescriptor("hold_file", ParameterKind.Text, "", "While this file exists, trials do not finish (lets a test keep a study running as long as it needs)."),
        ],
        ["validation_accuracy", "test_accuracy", "loss", "params", "flops"],
        [],
        (spec, _, env) =>
        {
            var p = new ResolvedParameters(Descriptor!.Parameters, spec.Parameters);
            var hold = p.GetString("hold_file");
            return new SyntheticTrainer(
                TimeSpan.FromMilliseconds(p.GetInt("duration_ms")), p.GetDouble("failure_rate"), p.GetInt("epochs"), p.GetString("salt"), env.Time, hold.Length > 0 ? hold : null);
        });

    /// <inheritdoc />
    public async Task<TrialOutcome> TrainAsync(TrainingRequest request, ITrainingProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var accuracy = Accuracy(request.Space, request.Architecture);
        var step = _duration / _epochs;
        for (var epoch = 1; epoch <= _epochs; epoch++)
        {
            if (step > TimeSpan.Zero)
            {
                await Task.Delay(step, _time, cancellationToken).ConfigureAwait(false);
            }

            if (_epochs > 1)
            {
                var partial = accuracy * (0.5 + (0.5 * epoch / _epochs));
                var stop = await progress.ReportAsync(epoch, new Dictionary<string, double> { ["validation_accuracy"] = partial }, cancellationToken).ConfigureAwait(false);
                if (stop && epoch < _epochs)
                {
                    // Stopped early: the trial completes with what it reached, as Ray Tune and Vizier record it.
                    return TrialOutcome.Success(new Dictionary<string, double> { ["validation_accuracy"] = partial, ["epochs"] = epoch, ["early_stopped"] = 1 });
                }
            }
        }

        while (_holdFile is not null && File.Exists(_holdFile))
        {
            await Task.Delay(HoldPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }

        if (Unit(request.Architecture.Key, "fail") < _failureRate)
        {
            return TrialOutcome.Failure("synthetic failure (failure_rate)");
        }

        var size = request.Architecture.Values.Where(v => !double.IsNaN(v)).Sum(v => Math.Abs(v) + 1);
        return TrialOutcome.Success(new Dictionary<string, double>
        {
            ["validation_accuracy"] = accuracy,
            ["test_accuracy"] = accuracy - (Unit(request.Architecture.Key, "test") * 0.5),
            ["loss"] = (100 - accuracy) / 100,
            ["params"] = size * 1000,
            ["flops"] = size * 1e6,
            ["epochs"] = _epochs,
        });
    }

    /// <summary>The made-up validation accuracy (percent) of an architecture: 50 plus an additive score per decision.</summary>
    public double Accuracy(SearchSpace space, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(architecture);
        var total = 0.0;
        for (var i = 0; i < space.Decisions.Count; i++)
        {
            var value = architecture[i];
            total += double.IsNaN(value) ? 0.5 : Unit(space.Decisions[i].Name, value.ToString("R", CultureInfo.InvariantCulture));
        }

        return 50 + (45 * total / space.Decisions.Count);
    }

    private double Unit(string a, string b)
    {
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{_salt}|{a}|{b}"));
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
