using System.Diagnostics;
using System.Globalization;
using NasOrleans.Core.Trainers;
using NasOrleans.Training.Devices;
using NasOrleans.Training.Loop;
using NasOrleans.Training.Supernets.Search;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets.MultiPath;

/// <summary>
/// Trains a <see cref="MultiPathModel"/> from scratch on all its domains (MPNAS's last phase): every step one batch of
/// every domain along its path, the domain losses combined by <see cref="AbdpLoss"/> (ABDP or the plain sum, as the
/// settings say), one optimizer step; then each domain's test accuracy in eval mode.
/// </summary>
/// <remarks>
/// The settings are those of the search (<see cref="SupernetSearchSettings"/>: batch sizes, optimizer, learning rate
/// and its cosine decay over <see cref="SupernetSearchSettings.TotalSteps"/>, ABDP, seed, device; the reward settings
/// play no part). Data order is a function of the seed, the domain and the step, and a checkpoint (weights, optimizer,
/// step, curves) every <see cref="SupernetSearchSettings.CheckpointEvery"/> steps lets another trainer continue bit for
/// bit; a checkpoint of another model (other paths) is refused. The job neither owns nor disposes the model or data.
/// </remarks>
public sealed partial class MultiPathTrainingJob : IDisposable
{
    private const ulong FinalOrder = 4;

    private readonly MultiPathModel _model;
    private readonly IReadOnlyList<SupernetSearchDomain> _domains;
    private readonly ISupernetCheckpoints _checkpoints;
    private readonly ITrainingProgress _progress;
    private readonly SupernetBatchOrder[] _orders;
    private readonly OptimizerHelper _optimizer;
    private readonly Parameter[] _parameters;
    private readonly SupernetSearchIdentity _identity;
    private readonly Device _device;
    private readonly long _reportOffset;
    private List<SupernetCurvePoint>[] _curves;
    private readonly double[] _loss;
    private int _intervalSteps;

    /// <summary>
    /// A job over <paramref name="model"/> (one <paramref name="domains"/> entry per model domain, in order); progress
    /// reports go to <paramref name="progress"/> at step <paramref name="reportOffset"/> + step (after a search's own).
    /// </summary>
    public MultiPathTrainingJob(
        MultiPathModel model,
        IReadOnlyList<SupernetSearchDomain> domains,
        ISupernetCheckpoints checkpoints,
        SupernetSearchSettings settings,
        ITrainingProgress? progress = null,
        long reportOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.Validate();
        if (domains.Count != model.Domains || settings.BatchSizes.Count != model.Domains)
        {
            throw new ArgumentException(
                $"The model has {model.Domains} domains; got {domains.Count} domains and {settings.BatchSizes.Count} batch sizes.", nameof(domains));
        }

        for (var d = 0; d < domains.Count; d++)
        {
            if (domains[d].Train.Count == 0 || domains[d].Validation.Count == 0 || domains[d].Train.Classes > model.Classes[d])
            {
                throw new ArgumentException($"Domain '{domains[d].Name}' needs training and validation samples of at most {model.Classes[d]} classes.", nameof(domains));
            }
        }

        (_model, _domains, _checkpoints, _progress, _reportOffset) = (model, domains, checkpoints, progress ?? Trainers.SilentProgress.Instance, reportOffset);
        _orders = [.. domains.Select((d, i) => new SupernetBatchOrder(d.Train.Count, settings.BatchSizes[i], SupernetSeeds.Mix(settings.Seed, (ulong)i, FinalOrder)))];
        _identity = new SupernetSearchIdentity(
            settings.TotalSteps, settings.Seed, [.. domains.Select((d, i) => $"{d.Name}@{model.Paths[i].Key}")], [.. settings.BatchSizes]);
        _device = DeviceSelector.Choose(settings.Device);
        _model.to(_device);
        _parameters = [.. model.parameters()];
        _optimizer = SupernetOptimizers.Create(model, settings);
        _curves = [.. domains.Select(_ => new List<SupernetCurvePoint>())];
        _loss = new double[domains.Count];
    }

    /// <summary>The validated settings.</summary>
    public SupernetSearchSettings Settings { get; }

    /// <summary>
    /// Trains from the latest checkpoint (or from scratch) to <see cref="SupernetSearchSettings.TotalSteps"/>, then
    /// evaluates. Throws <see cref="OperationCanceledException"/> when cancelled (the last checkpoint stands) and
    /// <see cref="InvalidDataException"/> for a checkpoint of another model.
    /// </summary>
    public async Task<MultiPathTrainingResult> RunAsync(CancellationToken cancellationToken)
    {
        var start = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var total = Settings.TotalSteps;
        var clock = Stopwatch.StartNew();
        for (var step = start; step < total; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Train(step) is { } divergence)
            {
                return Result(SupernetSearchStatus.Diverged, divergence, step - start, start, clock, []);
            }

            var done = step + 1;
            if (done % Settings.CheckpointEvery == 0 || done == total)
            {
                Close(done, cancellationToken);
                if (!await SaveAsync(done, cancellationToken).ConfigureAwait(false))
                {
                    return Result(SupernetSearchStatus.TakenOver, $"Another trainer took the final training over: a newer checkpoint than this one's exists at step {done}.", done - start, start, clock, []);
                }

                if (await ReportAsync(done, clock, done - start, cancellationToken).ConfigureAwait(false))
                {
                    return Result(SupernetSearchStatus.Stopped, $"Asked to stop at step {done} of the final training.", done - start, start, clock, []);
                }
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var domains = _domains.Select((d, i) => Evaluate(i, cancellationToken)).ToList();
        return Result(SupernetSearchStatus.Completed, null, total - start, start, clock, domains, seconds);
    }

    /// <inheritdoc />
    public void Dispose() => _optimizer.Dispose();

    private string? Train(long step)
    {
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = Settings.LearningRateAt(step);
        }

        double? w = Settings.Abdp ? Settings.AbdpW : null;
        _model.train();
        foreach (var parameter in _parameters)
        {
            parameter.grad = null;
        }

        for (var d = 0; d < _domains.Count; d++)
        {
            using var scope = NewDisposeScope();
            var data = _domains[d].Train;
            using var index = tensor(_orders[d].Indices(step), ScalarType.Int64);
            var x = data.Features.index_select(0, index).to(_device);
            var y = data.Labels.index_select(0, index).to(_device);
            var loss = nn.functional.cross_entropy(_model.forward(x, d), y);
            var value = loss.item<float>();
            if (!float.IsFinite(value))
            {
                return string.Create(CultureInfo.InvariantCulture, $"The training loss of domain '{_domains[d].Name}' was {value} at step {step} of the final training.");
            }

            _loss[d] += value;
            AbdpLoss.Term(loss, w).backward();
        }

        _optimizer.step();
        _intervalSteps++;
        return null;
    }

    private MultiPathTrainingResult Result(SupernetSearchStatus status, string? message, long stepsRun, long start, Stopwatch clock, IReadOnlyList<MultiPathDomainResult> domains, double? seconds = null)
    {
        var wall = seconds ?? clock.Elapsed.TotalSeconds;
        var samples = stepsRun * Settings.BatchSizes.Sum();
        return new MultiPathTrainingResult(
            status,
            message,
            stepsRun,
            start,
            [.. _domains.Select((d, i) => new SupernetDomainCurve(d.Name, [.. _curves[i]]))],
            domains,
            _model.UniqueParameters,
            wall,
            wall > 0 ? samples / wall : 0);
    }
}
