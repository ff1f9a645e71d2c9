using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Reports;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Data;
using NasOrleans.Training.Loop;
using NasOrleans.Training.Models;
using NasOrleans.Training.Native;
using NasOrleans.Training.Supernets.Search;
using NasOrleans.Training.Supernets.Tunas;
using NasOrleans.Training.Trainers;

namespace NasOrleans.Client.Commands;

/// <summary>
/// Runs <c>nas bench tunas</c> on Fashion-MNIST, each unit a piece in the output folder (<see cref="BenchPieces"/>):
/// every search of <see cref="TunasBenchVariant.All"/> (with the one-shot accuracies of the random architectures on the
/// ranking ones), every stand-alone training (by architecture), and the equal-compute strategies. Nothing a strategy or
/// a controller sees comes from the test set: rewards, one-shot accuracies and strategy scores are validation
/// accuracies; the targets come from parameter counts alone.
/// </summary>
internal sealed class TunasBenchRunner(TunasBenchSettings settings, string directory, Action<string> log)
{
    private const string Dataset = "fashion-mnist";
    private readonly BenchPieces _pieces = new(directory, log);
    private readonly Dictionary<string, StandaloneResult> _standalone = new(StringComparer.Ordinal);

    /// <summary>The benchmark's space: the MPNAS bench's (3 stages of at most 2 fused inverted bottlenecks, kernels 3/5, expansions 1/2, widths 16/24/32).</summary>
    public static SearchSpace Space { get; } = SpaceCatalog.Create(new SpaceSpec("mobile-cnn", new Dictionary<string, string>
    {
        ["stages"] = "3", ["max_depth"] = "2", ["blocks"] = "fused_ibn", ["kernels"] = "3,5", ["expansions"] = "1,2", ["widths"] = "16,24,32",
    }, []));

    /// <summary>The pieces run and reused so far.</summary>
    public BenchPieces Pieces => _pieces;

    /// <summary>Runs (or reads back) every piece.</summary>
    public async Task<TunasBenchResults> RunAsync(CancellationToken cancellationToken)
    {
        TorchNativeFix.ThrowIfUnfixable();
        TorchSharp.torch.set_num_threads(settings.Threads);
        var split = DatasetCatalog.Default.Load(new DatasetRequest(Dataset, settings.ValidationSize));
        using var train = split.Train.Take(settings.TrainSamples);
        using var test = split.Test.Take(settings.TestSamples > 0 ? settings.TestSamples : split.Test.Count);
        var standalone = new DatasetSplit(split.Name, split.Train, split.Validation, test, split.Files);
        var domain = new SupernetSearchDomain("fashion", train, split.Validation);
        var archs = RandomArchitectures();
        var targets = Targets(split.Shape, split.Classes);
        var searches = new Dictionary<string, TunasSearchPiece>(StringComparer.Ordinal);
        foreach (var variant in TunasBenchVariant.All)
        {
            searches[variant.Name] = await _pieces.GetOrRunAsync(
                $"search-{variant.Name}.json", () => SearchAsync(variant, targets[variant.Target], domain, archs, cancellationToken), Describe).ConfigureAwait(false);
        }

        var ranked = archs.Concat(TunasBenchVariant.All.Where(v => v.Ranks).Select(v => Architecture.FromKey(searches[v.Name].Argmax)));
        foreach (var arch in ranked)
        {
            await StandaloneAsync(arch, standalone, cancellationToken).ConfigureAwait(false);
        }

        var budget = searches[TunasBenchVariant.Main].TrainingSamples + _standalone[searches[TunasBenchVariant.Main].Argmax].TrainingSamples;
        var methods = new List<TunasMethodPiece>();
        foreach (var (name, strategy) in Strategies())
        {
            methods.Add(await _pieces.GetOrRunAsync(
                $"method-{name}.json", () => MethodAsync(name, strategy, budget, standalone, cancellationToken), Describe).ConfigureAwait(false));
        }

        foreach (var key in methods.SelectMany(m => m.Trained))
        {
            // A method read back from its piece: its trainings' pieces are read back too, for the summary.
            await StandaloneAsync(Architecture.FromKey(key), standalone, cancellationToken).ConfigureAwait(false);
        }

        return new TunasBenchResults(settings, targets, [.. archs.Select(a => a.Key)], searches, _standalone, methods);
    }

    /// <summary>The random architectures of the ranking: the first distinct draws of a uniform sampler of the seed (random search's first proposals).</summary>
    private List<Architecture> RandomArchitectures()
    {
        var random = new DeterministicRandom(settings.Seed);
        var archs = new List<Architecture>();
        for (var draws = 0; archs.Count < settings.Archs && draws < settings.Archs * 100; draws++)
        {
            var arch = Space.Sample(random);
            if (!archs.Contains(arch))
            {
                archs.Add(arch);
            }
        }

        return archs;
    }

    /// <summary>Three parameter targets: the 25th, 50th and 75th percentiles of 1,000 uniform architectures' parameters, to 2 significant digits.</summary>
    private double[] Targets(InputShape shape, int classes)
    {
        var random = new DeterministicRandom(settings.Seed ^ 0x7a29e75UL);
        var counts = Enumerable.Range(0, 1000).Select(_ => (double)ModelCost.Compute(Space, Space.Sample(random), shape, classes).Params).Order().ToList();
        return [.. new[] { 0.25, 0.5, 0.75 }.Select(q => Round(QuantileBands.Quantile(counts, q)))];
    }

    private static double Round(double value)
    {
        var scale = Math.Pow(10, Math.Floor(Math.Log10(value)) - 1);
        return Math.Round(value / scale) * scale;
    }

    private async Task<TunasSearchPiece> SearchAsync(TunasBenchVariant variant, double target, SupernetSearchDomain domain, List<Architecture> archs, CancellationToken cancellationToken)
    {
        var search = new SupernetSearchSettings
        {
            TotalSteps = settings.Steps,
            CheckpointEvery = (int)Math.Max(1, settings.Steps / 5),
            BatchSizes = [settings.Batch],
            Abdp = false,
            Schedule = variant.Schedule,
            RewardKind = variant.Reward,
            RewardBeta = variant.Beta,
            CostTarget = target,
            Seed = settings.Seed,
            Device = "cpu",
        };
        using var run = await TunasSearchRunner.RunAsync(Space, domain, search, new TunasOptions { LearningRate = settings.ControllerLearningRate }, cancellationToken).ConfigureAwait(false);
        var argmax = run.Policy.Argmax;
        double[] oneShot = variant.Ranks ? [.. archs.Select(a => OneShotEvaluator.Accuracy(run.Supernet, a, domain.Validation))] : [];
        return new TunasSearchPiece(
            variant.Name,
            variant.Reward,
            target,
            argmax.Key,
            run.Supernet.PathCost(argmax, 0).Params,
            run.Policy.Entropy,
            run.Policy.Updates,
            run.TrainingSamples,
            run.Result.WallSeconds,
            OneShotEvaluator.Accuracy(run.Supernet, argmax, domain.Validation),
            oneShot);
    }

    private async Task<StandaloneResult> StandaloneAsync(Architecture arch, DatasetSplit split, CancellationToken cancellationToken)
    {
        if (_standalone.TryGetValue(arch.Key, out var known))
        {
            return known;
        }

        var training = new TrainingSettings { Epochs = settings.Epochs, MaxTrainSamples = settings.TrainSamples, Seed = (long)(settings.Seed & long.MaxValue), Threads = settings.Threads };
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(arch.Key)))[..16];
        var result = await _pieces.GetOrRunAsync(
            $"standalone/{hash}.json", () => StandaloneTraining.TrainAsync(Space, arch, split, training, cancellationToken), Describe).ConfigureAwait(false);
        _standalone[arch.Key] = result;
        return result;
    }

    /// <summary>The product's strategies under equal compute; random search draws as the ranking's architectures were drawn.</summary>
    private IEnumerable<(string Name, ISearchStrategy Strategy)> Strategies() =>
    [
        (RandomSearch.Name, StrategyCatalog.Create(RandomSearch.Name, Space, null, settings.Seed)),
        (Reinforce.Name, StrategyCatalog.Create(Reinforce.Name, Space, null, settings.Seed + 1)),
        (RegularizedEvolution.Name, StrategyCatalog.Create(RegularizedEvolution.Name, Space, EvolutionParameters, settings.Seed + 2)),
    ];

    /// <summary>A population of 3 and tournaments of 2, so that evolution mutates within a budget of a handful of trainings (the default 10 would be random search).</summary>
    private static Dictionary<string, string> EvolutionParameters => new() { ["population_size"] = "3", ["sample_size"] = "2" };

    /// <summary>Trains the strategy's proposals stand-alone while the next fits in <paramref name="budget"/>; each sees only its proposals' validation accuracies.</summary>
    private async Task<TunasMethodPiece> MethodAsync(string name, ISearchStrategy strategy, long budget, DatasetSplit split, CancellationToken cancellationToken)
    {
        var perTraining = (long)settings.Epochs * Math.Min(settings.TrainSamples, split.Train.Count);
        var (used, trained) = (0L, new List<StandaloneResult>());
        while (used + perTraining <= budget)
        {
            var arch = strategy.Propose();
            var result = await StandaloneAsync(arch, split, cancellationToken).ConfigureAwait(false);
            strategy.Observe(arch, result.Succeeded ? result.ValidationAccuracy : null);
            used += result.TrainingSamples;
            trained.Add(result);
        }

        var best = trained.Where(t => t.Succeeded).MaxBy(t => t.ValidationAccuracy);
        return new TunasMethodPiece(name, budget, used, [.. trained.Select(t => t.Architecture)], best?.Architecture ?? "", best?.ValidationAccuracy ?? double.NaN, best?.TestAccuracy ?? double.NaN);
    }

    private static string Describe(TunasSearchPiece p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Seconds:F0} s, argmax {Space.Display(Architecture.FromKey(p.Argmax))} ({p.ArgmaxParams:N0} params, target {p.Target:N0}), one-shot {p.ArgmaxOneShot:F2} %");

    private static string Describe(StandaloneResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Seconds:F0} s, {Space.Display(Architecture.FromKey(r.Architecture))}: validation {r.ValidationAccuracy:F2} %, test {r.TestAccuracy:F2} %");

    private static string Describe(TunasMethodPiece m) => string.Create(CultureInfo.InvariantCulture,
        $"{m.Trained.Count} trained, {m.SamplesUsed:N0} of {m.Budget:N0} samples, best test {m.BestTest:F2} %");
}
