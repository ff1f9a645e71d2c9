using System.Diagnostics;
using System.Globalization;
using NasOrleans.Training.Loop;
using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Training.Supernets.MultiPath;

/// <summary>The checkpoints, curves, reports and evaluation of <see cref="MultiPathTrainingJob"/>.</summary>
public sealed partial class MultiPathTrainingJob
{
    private async Task<long> LoadAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await _checkpoints.LoadLatestAsync(cancellationToken).ConfigureAwait(false);
        if (checkpoint is null)
        {
            return 0;
        }

        var state = SupernetSearchState.Deserialize(checkpoint.State);
        if (state.Step != checkpoint.Step || !_identity.Matches(state.Identity) || state.Curves.Count != _domains.Count)
        {
            throw new InvalidDataException($"The latest final-training checkpoint (step {checkpoint.Step}) belongs to another model ({state.Identity}); this one is {_identity}.");
        }

        _model.LoadWeights(state.Weights);
        SupernetOptimizers.Load(_optimizer, state.Optimizer);
        _curves = [.. state.Curves.Select(c => c.ToList())];
        return state.Step;
    }

    private async Task<bool> SaveAsync(long step, CancellationToken cancellationToken)
    {
        var state = new SupernetSearchState(
            step, _identity, [.. _curves.Select(c => c.ToList())], [.. _domains.Select(_ => new List<StepReward>())], _model.SaveWeights(), SupernetOptimizers.Save(_optimizer));
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

    /// <summary>Closes the interval ending after <paramref name="step"/> steps: its mean loss and the validation accuracy now, per domain.</summary>
    private void Close(long step, CancellationToken cancellationToken)
    {
        for (var d = 0; d < _domains.Count; d++)
        {
            var accuracy = Accuracy(d, _domains[d].Validation, cancellationToken);
            _curves[d].Add(new SupernetCurvePoint(step, _intervalSteps, _loss[d] / Math.Max(1, _intervalSteps), accuracy, 0));
            _loss[d] = 0;
        }

        _intervalSteps = 0;
    }

    private async Task<bool> ReportAsync(long step, Stopwatch clock, long stepsRun, CancellationToken cancellationToken)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["final.step"] = step,
            ["final.samples_per_second"] = seconds > 0 ? stepsRun * Settings.BatchSizes.Sum() / seconds : 0,
        };
        for (var d = 0; d < _domains.Count; d++)
        {
            var point = _curves[d][^1];
            metrics[Key(_domains[d].Name, "train_loss")] = point.TrainLoss;
            metrics[Key(_domains[d].Name, "validation_accuracy")] = point.ValidationAccuracy;
        }

        return await _progress.ReportAsync((int)Math.Min(_reportOffset + step, int.MaxValue), metrics, cancellationToken).ConfigureAwait(false);
    }

    private MultiPathDomainResult Evaluate(int domain, CancellationToken cancellationToken)
    {
        var (parameters, flops) = _model.PathCost(domain);
        var test = _domains[domain].Test is { Count: > 0 } held ? Accuracy(domain, held, cancellationToken) : double.NaN;
        return new MultiPathDomainResult(_domains[domain].Name, test, Accuracy(domain, _domains[domain].Validation, cancellationToken), parameters, flops);
    }

    /// <summary>Accuracy (percent) of <paramref name="domain"/>'s path on <paramref name="data"/> in eval mode (its stand-alone network: the same outputs).</summary>
    private double Accuracy(int domain, Data.Dataset data, CancellationToken cancellationToken)
    {
        using var standalone = _model.ExtractStandalone(domain);
        standalone.eval();
        return ModelEvaluator.Evaluate(standalone, data, _device, 1024, cancellationToken).Accuracy;
    }

    private static string Key(string domain, string metric) => string.Create(CultureInfo.InvariantCulture, $"final.{domain}.{metric}");
}
