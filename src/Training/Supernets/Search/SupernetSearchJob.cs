using System.Diagnostics;
using NasOrleans.Core.Trainers;
using NasOrleans.Training.Devices;
using NasOrleans.Training.Loop;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// A weight-sharing architecture search over a <see cref="Supernet"/>: TuNAS (Bender et al. 2020) with one domain, MPNAS
/// (Wang et al. 2021) with several, one controller per domain behind <see cref="ISupernetControllers"/>.
/// </summary>
/// <remarks>
/// <para>Every step: each domain's path for the step (asked <see cref="SupernetSearchSettings.ControllerSampleBatch"/>
/// steps at a time, windows aligned to multiples of it), a training batch of each domain, a forward pass with the
/// schedule's op-warmup probability, the domain losses L_d combined by <see cref="AbdpLoss"/>, and one optimizer step on
/// the shared weights; then each path's accuracy on a validation batch (4x) and its reward from its accuracy and
/// <see cref="Supernet.PathCost"/>. Rewards of steps from the RL delay on are sent at the end of each sample window;
/// during the delay none are sent, so the controllers learn nothing.</para>
/// <para>Validation uses batch statistics: the supernet stays in training mode, as during its training, since running
/// statistics mixed over many paths do not describe any one of them; the domain's running statistics and batch counts
/// are restored after the pass, so validation leaves no trace in the weights.</para>
/// <para>Data order and op warmup are functions of the seed, the domain and the step; a checkpoint (weights and
/// batch-norm buffers, optimizer state, step, curves, unsent rewards) every
/// <see cref="SupernetSearchSettings.CheckpointEvery"/> steps therefore lets a job resumed on another trainer continue
/// bit for bit. A cancelled run throws <see cref="OperationCanceledException"/> between steps and writes no partial
/// checkpoint. The job neither owns nor disposes the supernet or the datasets.</para>
/// </remarks>
public sealed partial class SupernetSearchJob : IDisposable
{
    private readonly Supernet _supernet;
    private readonly ISupernetControllers _controllers;
    private readonly ISupernetCheckpoints _checkpoints;
    private readonly ITrainingProgress _progress;
    private readonly SupernetDomainRun[] _domains;
    private readonly Device _device;
    private readonly OptimizerHelper _optimizer;
    private readonly SupernetSearchIdentity _identity;
    private readonly Parameter[] _parameters;

    /// <summary>
    /// A job over <paramref name="supernet"/> (one <paramref name="domains"/> entry per supernet domain, in order, and one
    /// batch size per domain in <paramref name="settings"/>); <paramref name="progress"/> hears every checkpoint interval.
    /// </summary>
    public SupernetSearchJob(
        Supernet supernet,
        IReadOnlyList<SupernetSearchDomain> domains,
        ISupernetControllers controllers,
        ISupernetCheckpoints checkpoints,
        SupernetSearchSettings settings,
        ITrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(supernet);
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(controllers);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.Validate();
        if (domains.Count != supernet.Domains || settings.BatchSizes.Count != supernet.Domains)
        {
            throw new ArgumentException(
                $"The supernet has {supernet.Domains} domains; got {domains.Count} domains and {settings.BatchSizes.Count} batch sizes (batch_size needs one per domain).",
                nameof(domains));
        }

        (_supernet, _controllers, _checkpoints, _progress) = (supernet, controllers, checkpoints, progress ?? SilentProgressInstance);
        _domains = [.. domains.Select((d, i) => new SupernetDomainRun(i, d, settings.BatchSizes[i], settings.Seed))];
        foreach (var domain in _domains)
        {
            var (train, validation) = (domain.Domain.Train, domain.Domain.Validation);
            if (train.Classes > supernet.Classes[domain.Index] || validation.Classes > supernet.Classes[domain.Index])
            {
                throw new ArgumentException($"Domain '{domain.Domain.Name}' has {train.Classes} classes; the supernet's domain {domain.Index} has {supernet.Classes[domain.Index]}.", nameof(domains));
            }

            if (train.Shape != validation.Shape)
            {
                throw new ArgumentException($"Domain '{domain.Domain.Name}': training samples are {train.Shape}, validation samples {validation.Shape}.", nameof(domains));
            }
        }

        _identity = new SupernetSearchIdentity(settings.TotalSteps, settings.Seed, [.. domains.Select(d => d.Name)], [.. settings.BatchSizes]);
        _device = DeviceSelector.Choose(settings.Device);
        _supernet.to(_device);
        foreach (var domain in _domains)
        {
            var marker = $"norms.{domain.Index}.";
            domain.Buffers = [.. _supernet.named_buffers().Where(b => b.name.Contains(marker, StringComparison.Ordinal)).Select(b => b.buffer)];
        }

        _parameters = [.. supernet.parameters()];
        _optimizer = SupernetOptimizers.Create(supernet, settings);
    }

    /// <summary>The validated settings.</summary>
    public SupernetSearchSettings Settings { get; }

    /// <summary>The device the supernet trains on.</summary>
    public Device Device => _device;

    private static ITrainingProgress SilentProgressInstance => Trainers.SilentProgress.Instance;

    /// <summary>
    /// Runs the search from the latest checkpoint (or from scratch) to <see cref="SupernetSearchSettings.TotalSteps"/>;
    /// see the class remarks. Throws <see cref="OperationCanceledException"/> when cancelled (the last complete checkpoint
    /// stands) and <see cref="InvalidDataException"/> for a checkpoint of another search.
    /// </summary>
    public async Task<SupernetSearchResult> RunAsync(CancellationToken cancellationToken)
    {
        var start = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var (total, window) = (Settings.TotalSteps, Settings.ControllerSampleBatch);
        if (start % window == 0 || start == total)
        {
            // A checkpoint at a window's end (or the last) may hold that window's rewards, sent (or not) just after it was written.
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        var clock = Stopwatch.StartNew();
        var lastCheckpoint = start;
        for (var step = start; step < total; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await EnsurePathsAsync(step, cancellationToken).ConfigureAwait(false);
            if (Train(step) is { } divergence)
            {
                return Result(SupernetSearchStatus.Diverged, divergence, step - start, start, lastCheckpoint, clock);
            }

            Evaluate(step);
            var done = step + 1;
            var intervalEnd = done % Settings.CheckpointEvery == 0 || done == total;
            if (intervalEnd)
            {
                var points = _domains.Select(d => d.Close(done)).ToArray();
                if (!await SaveAsync(done, cancellationToken).ConfigureAwait(false))
                {
                    return Result(
                        SupernetSearchStatus.TakenOver,
                        $"Another trainer took the search over: a checkpoint newer than step {lastCheckpoint} exists, so this one stopped at step {done} without writing it.",
                        done - start,
                        start,
                        lastCheckpoint,
                        clock);
                }

                lastCheckpoint = done;
                if (done % window == 0 || done == total)
                {
                    await FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                if (await ReportAsync(done, points, clock, done - start, cancellationToken).ConfigureAwait(false))
                {
                    return Result(SupernetSearchStatus.Stopped, $"Asked to stop at step {done}; the checkpoint of step {done} stands.", done - start, start, lastCheckpoint, clock);
                }
            }
            else if (done % window == 0)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return Result(SupernetSearchStatus.Completed, null, total - start, start, lastCheckpoint, clock);
    }

    /// <inheritdoc />
    public void Dispose() => _optimizer.Dispose();

    private SupernetSearchResult Result(SupernetSearchStatus status, string? message, long stepsRun, long start, long lastCheckpoint, Stopwatch clock)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        var samples = stepsRun * _domains.Sum(d => d.Batch);
        return new SupernetSearchResult(
            status,
            message,
            stepsRun,
            start,
            lastCheckpoint,
            [.. _domains.Select(d => new SupernetDomainCurve(d.Domain.Name, [.. d.Curve]))],
            seconds,
            seconds > 0 ? samples / seconds : 0,
            _controllerClock.Elapsed.TotalSeconds);
    }
}
