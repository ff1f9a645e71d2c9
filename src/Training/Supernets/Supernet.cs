using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets;

/// <summary>
/// A weight-sharing supernet over a <c>mobile-cnn</c> space (TuNAS; MPNAS's per-domain heads): every architecture of
/// the space is a path through it, and the stand-alone network <see cref="ModelBuilder"/> builds for that
/// architecture computes what the path computes (<see cref="ExtractStandalone"/>).
/// </summary>
/// <remarks>
/// <para>
/// Layout: a stem, then for every stage s and block index i below the space's <c>max_depth</c> a position holding
/// one op per block type x kernel x expansion the space allows, then the head convolution, and one classifier per
/// domain. Depth d of a stage routes through its positions 0 to d-1 (depth 0 skips the stage), so block i of a stage
/// is shared by every path with that stage deeper than i. Widths, and the input channels that depend on earlier
/// stages, share one weight per op: each convolution holds the largest shape any path needs and a path uses its
/// leading [outputs, inputs / groups] slice (TuNAS's filter masking, done by slicing: exact, not merely masked).
/// Strides and residuals follow the path, as <see cref="MobileCnnPlan"/> decides them.
/// </para>
/// <para>
/// Domains: convolution weights are shared by all domains; every batch norm (stem, each op's layers, head) has
/// parameters and running statistics per domain, and every domain has its own classifier of its own classes.
/// </para>
/// </remarks>
public sealed class Supernet : nn.Module
{
    private readonly SharedConvBn stem;
    private readonly ModuleDict<SupernetPosition> positions;
    private readonly SharedConvBn head;
    private readonly ModuleList<Linear> classifiers;
    private readonly SearchSpace _space;
    private readonly InputShape _input;
    private readonly int[] _classes;

    /// <summary>
    /// The supernet of <paramref name="space"/> (a <c>mobile-cnn</c> space) for inputs of <paramref name="input"/>,
    /// with one domain per entry of <paramref name="classesPerDomain"/> (that domain's number of classes).
    /// Weights are initialized from torch's generator (seed it with <c>torch.manual_seed</c>).
    /// </summary>
    public Supernet(SearchSpace space, InputShape input, IReadOnlyList<int> classesPerDomain)
        : base(nameof(Supernet))
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(classesPerDomain);
        if (classesPerDomain.Count == 0 || classesPerDomain.Any(c => c < 1))
        {
            throw new ArgumentException("A supernet needs at least one domain, each with at least one class.", nameof(classesPerDomain));
        }

        var choices = SupernetChoices.From(space);
        var domains = classesPerDomain.Count;
        stem = new SharedConvBn(input.Channels, MobileCnnPlan.StemChannels, 3, domains);
        positions = nn.ModuleDict(
            (from s in Enumerable.Range(1, choices.Stages)
             from i in Enumerable.Range(0, choices.MaxDepth)
             select (PositionKey(s, i), new SupernetPosition(choices, s, i, domains))).ToArray());
        head = new SharedConvBn(choices.MaxLastChannels, MobileCnnPlan.HeadChannels, 1, domains);
        classifiers = nn.ModuleList(classesPerDomain.Select(c => nn.Linear(MobileCnnPlan.HeadChannels, c)).ToArray());
        (_space, _input, _classes) = (space, input, [.. classesPerDomain]);
        RegisterComponents();
    }

    /// <summary>The number of domains.</summary>
    public int Domains => _classes.Length;

    /// <summary>The search space the supernet covers.</summary>
    public SearchSpace Space => _space;

    /// <summary>The input shape.</summary>
    public InputShape Input => _input;

    /// <summary>The number of classes of each domain.</summary>
    public IReadOnlyList<int> Classes => _classes;

    /// <summary>Logits [batch, classes of <paramref name="domain"/>] of the path <paramref name="path"/> (an architecture of the space).</summary>
    public Tensor forward(Tensor input, Architecture path, int domain) => Run(input, Route(path, domain), domain, _ => false, null);

    /// <summary>
    /// As <see cref="forward(Tensor, Architecture, int)"/>, with TuNAS's op warmup: independently for every stage of
    /// the path, with probability <paramref name="opWarmupProbability"/> all candidate ops (every block type, kernel
    /// and expansion) of that stage's positions run and their outputs are averaged, instead of the path's op alone.
    /// The path's depths and widths hold either way.
    /// </summary>
    public Tensor forward(Tensor input, Architecture path, int domain, double opWarmupProbability, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(opWarmupProbability, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(opWarmupProbability, 1.0);
        var route = Route(path, domain);
        var warm = route.Blocks.Select(b => b.Stage).Distinct().Where(_ => random.NextDouble() < opWarmupProbability).ToHashSet();
        return Run(input, route, domain, warm.Contains, null);
    }

    /// <summary>
    /// The stand-alone network of <paramref name="path"/> for <paramref name="domain"/>, built by
    /// <see cref="ModelBuilder"/> and holding copies of the weights the path uses: the shared convolutions' slices,
    /// that domain's batch-norm parameters and running statistics, and its classifier. It is left in this supernet's
    /// training or eval mode.
    /// </summary>
    public nn.Module<Tensor, Tensor> ExtractStandalone(Architecture path, int domain)
    {
        var route = Route(path, domain);
        return PathProbe.Standalone(_space, path, _input, _classes[domain], () => Record(route, domain), training);
    }

    /// <summary>
    /// (parameters, FLOPs for one sample) of the supernet slices that <paramref name="path"/> uses for
    /// <paramref name="domain"/>, counted from the layers a forward pass applies (no other domain's batch norms or head).
    /// </summary>
    public (long Params, double Flops) PathCost(Architecture path, int domain)
    {
        using var scope = NewDisposeScope();
        var recorder = Record(Route(path, domain), domain);
        return (recorder.Params, recorder.Flops);
    }

    /// <summary>Every weight and batch-norm buffer (running statistics, batch counts) as bytes, for a checkpoint.</summary>
    public byte[] SaveWeights() => PathProbe.Save(this);

    /// <summary>Loads what <see cref="SaveWeights"/> wrote from a supernet of the same space, input and domains.</summary>
    public void LoadWeights(byte[] checkpoint) => PathProbe.Load(this, checkpoint);

    private static string PositionKey(int stage, int index) => $"{SupernetChoices.Name(stage, "b")}{index}";

    private SupernetRoute Route(Architecture path, int domain)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(domain);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(domain, Domains);
        return SupernetRoute.From(_space, path, _input, _classes[domain]);
    }

    /// <summary>Runs the path once in eval mode on a zero sample (no statistics change) and records what it used.</summary>
    private PathRecorder Record(SupernetRoute route, int domain) =>
        PathProbe.Record(this, _input, stem.parameters().First().device, (probe, recorder) => Run(probe, route, domain, _ => false, recorder));

    private Tensor Run(Tensor input, SupernetRoute route, int domain, Func<int, bool> allOps, PathRecorder? recorder)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var images = ConvLayers.AsImages(input, _input);
        var x = stem.Apply(images, MobileCnnPlan.StemChannels, route.Plan.StemStride, 1, domain, activate: true, recorder);
        foreach (var (stage, index, block) in route.Blocks)
        {
            using var previous = x;
            x = positions[PositionKey(stage, index)].Apply(previous, block, domain, allOps(stage), recorder);
        }

        using var last = x;
        return PathProbe.Classify(head, classifiers[domain], last, domain, recorder);
    }
}
