using System.Diagnostics;
using System.Globalization;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>The checkpoints, rewards and progress reports of <see cref="SupernetSearchJob"/>.</summary>
public sealed partial class SupernetSearchJob
{
    /// <summary>Restores the latest checkpoint, if any; returns its step (0 when starting fresh).</summary>
    private async Task<long> LoadAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await _checkpoints.LoadLatestAsync(cancellationToken).ConfigureAwait(false);
        if (checkpoint is null)
        {
            return 0;
        }

        var state = SupernetSearchState.Deserialize(checkpoint.State);
        if (state.Step != checkpoint.Step || !_identity.Matches(state.Identity) || state.Curves.Count != _domains.Length || state.PendingRewards.Count != _domains.Length)
        {
            throw new InvalidDataException(
                $"The latest checkpoint (step {checkpoint.Step}) belongs to another search ({state.Identity}); this one is {_identity}.");
        }

        _supernet.LoadWeights(state.Weights);
        SupernetOptimizers.Load(_optimizer, state.Optimizer);

        foreach (var domain in _domains)
        {
            domain.Curve = [.. state.Curves[domain.Index]];
            domain.Pending = [.. state.PendingRewards[domain.Index]];
            domain.Paths.Clear();
        }

        return state.Step;
    }

    /// <summary>Writes the checkpoint after <paramref name="step"/> steps; false when another trainer took the search over.</summary>
    private async Task<bool> SaveAsync(long step, CancellationToken cancellationToken)
    {
        var optimizer = SupernetOptimizers.Save(_optimizer);
        var state = new SupernetSearchState(
            step,
            _identity,
            [.. _domains.Select(d => d.Curve.ToList())],
            [.. _domains.Select(d => d.Pending.ToList())],
            _supernet.SaveWeights(),
            optimizer);
        try
        {
            await _checkpoints.SaveAsync(new SupernetCheckpoint(step, state.Serialize()), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Sends every domain's unsent rewards (one call per domain that has any).</summary>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var domain in _domains.Where(d => d.Pending.Count > 0))
        {
            using var timing = new ClockScope(_controllerClock);
            await _controllers.RewardAsync(domain.Index, [.. domain.Pending], cancellationToken).ConfigureAwait(false);
            domain.Pending.Clear();
        }
    }

    /// <summary>Reports the interval's points; true when the callback asks to stop.</summary>
    private async Task<bool> ReportAsync(long step, IReadOnlyList<SupernetCurvePoint> points, Stopwatch clock, long stepsRun, CancellationToken cancellationToken)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["step"] = step,
            ["samples_per_second"] = seconds > 0 ? stepsRun * _domains.Sum(d => d.Batch) / seconds : 0,
        };
        foreach (var domain in _domains)
        {
            var point = points[domain.Index];
            var name = domain.Domain.Name;
            metrics[Key(name, "train_loss")] = point.TrainLoss;
            metrics[Key(name, "validation_accuracy")] = point.ValidationAccuracy;
            metrics[Key(name, "mean_reward")] = point.MeanReward;
            SupernetPolicy policy;
            using (new ClockScope(_controllerClock))
            {
                policy = await _controllers.PolicyAsync(domain.Index, cancellationToken).ConfigureAwait(false);
            }

            metrics[Key(name, "entropy")] = policy.Entropy;
            metrics[Key(name, "policy_updates")] = policy.Updates;
        }

        var reported = (int)Math.Min(step, int.MaxValue);
        return await _progress.ReportAsync(reported, metrics, cancellationToken).ConfigureAwait(false);
    }

    private static string Key(string domain, string metric) => string.Create(CultureInfo.InvariantCulture, $"{domain}.{metric}");
}
