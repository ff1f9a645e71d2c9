using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets.MultiPath;

/// <summary>
/// MPNAS's heterogeneous multi-path network (Wang et al. 2021): each domain runs its own path (its controller's argmax)
/// through one network whose nodes, an op at a supernet position, are shared by every domain that routes through
/// them; each domain has its own classifier and its own batch norms. Only the nodes some path uses exist.
/// </summary>
/// <remarks>
/// A node's convolutions hold the largest shape its domains need and each domain uses the leading slice its path
/// needs, as in the <see cref="Supernet"/>; so domain d computes exactly what the stand-alone network of its path
/// computes (<see cref="ExtractStandalone"/>) and costs what it costs (<see cref="PathCost"/>), and the model's
/// parameters are those of the union of its nodes (<see cref="UniqueParameters"/>). The stem and the head convolution
/// are shared by all domains.
/// </remarks>
public sealed class MultiPathModel : nn.Module
{
    private readonly SharedConvBn stem;
    private readonly ModuleDict<CandidateBlock> nodes;
    private readonly SharedConvBn head;
    private readonly ModuleList<Linear> classifiers;
    private readonly SearchSpace _space;
    private readonly InputShape _input;
    private readonly int[] _classes;
    private readonly MultiPathLayout _layout;
    private readonly Dictionary<string, MultiPathNodeSpec> _specs;

    /// <summary>
    /// The model of <paramref name="paths"/> (one architecture of the <c>mobile-cnn</c> <paramref name="space"/> per
    /// domain) for inputs of <paramref name="input"/>, domain d with <paramref name="classesPerDomain"/>[d] classes.
    /// Weights are initialized from torch's generator (seed it with <c>torch.manual_seed</c>).
    /// </summary>
    public MultiPathModel(SearchSpace space, InputShape input, IReadOnlyList<int> classesPerDomain, IReadOnlyList<Architecture> paths)
        : base(nameof(MultiPathModel))
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(classesPerDomain);
        if (classesPerDomain.Count == 0 || classesPerDomain.Any(c => c < 1))
        {
            throw new ArgumentException("A multi-path model needs at least one domain, each with at least one class.", nameof(classesPerDomain));
        }

        _layout = MultiPathLayout.From(space, input, classesPerDomain, paths);
        var domains = classesPerDomain.Count;
        stem = new SharedConvBn(input.Channels, MobileCnnPlan.StemChannels, 3, domains);
        nodes = nn.ModuleDict(_layout.Nodes
            .Select(n => (n.Key, new CandidateBlock(n.Block, n.Kernel, n.Expansion, n.MaxInputs, n.MaxOutputs, n.Users.Count)))
            .ToArray());
        head = new SharedConvBn(_layout.MaxLastChannels, MobileCnnPlan.HeadChannels, 1, domains);
        classifiers = nn.ModuleList(classesPerDomain.Select(c => nn.Linear(MobileCnnPlan.HeadChannels, c)).ToArray());
        (_space, _input, _classes) = (space, input, [.. classesPerDomain]);
        Paths = [.. paths];
        _specs = _layout.Nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
        RegisterComponents();
    }

    /// <summary>The model of <paramref name="paths"/> with weights initialized from <paramref name="seed"/> (torch's generator seeded with it).</summary>
    public static MultiPathModel Create(SearchSpace space, InputShape input, IReadOnlyList<int> classesPerDomain, IReadOnlyList<Architecture> paths, long seed)
    {
        manual_seed(seed);
        return new MultiPathModel(space, input, classesPerDomain, paths);
    }

    /// <summary>The number of domains.</summary>
    public int Domains => _classes.Length;

    /// <summary>The number of classes of each domain.</summary>
    public IReadOnlyList<int> Classes => _classes;

    /// <summary>The input shape.</summary>
    public InputShape Input => _input;

    /// <summary>Each domain's path.</summary>
    public IReadOnlyList<Architecture> Paths { get; }

    /// <summary>The nodes' keys (<c>s{stage}b{index}_{op}</c>) and the domains sharing each, in order of first use.</summary>
    public IReadOnlyList<(string Node, IReadOnlyList<int> Domains)> Nodes => [.. _layout.Nodes.Select(n => (n.Key, n.Users))];

    /// <summary>The trainable values the model holds: every node once, the stem and head once, each domain's batch norms and classifier.</summary>
    public long UniqueParameters => parameters().Sum(p => p.numel());

    /// <summary>Logits [batch, classes of <paramref name="domain"/>] of <paramref name="domain"/>'s path.</summary>
    public Tensor forward(Tensor input, int domain) => Run(input, domain, null);

    /// <summary>
    /// The stand-alone network of <paramref name="domain"/>'s path, built by <see cref="ModelBuilder"/> and holding
    /// copies of the weights the path uses; left in this model's training or eval mode.
    /// </summary>
    public nn.Module<Tensor, Tensor> ExtractStandalone(int domain)
    {
        CheckDomain(domain);
        return PathProbe.Standalone(_space, Paths[domain], _input, _classes[domain], () => Record(domain), training);
    }

    /// <summary>(parameters, FLOPs for one sample) of what <paramref name="domain"/>'s path uses: its stand-alone network's cost.</summary>
    public (long Params, double Flops) PathCost(int domain)
    {
        using var scope = NewDisposeScope();
        var recorder = Record(domain);
        return (recorder.Params, recorder.Flops);
    }

    /// <summary>Every weight and batch-norm buffer as bytes.</summary>
    public byte[] SaveWeights() => PathProbe.Save(this);

    /// <summary>Loads what <see cref="SaveWeights"/> wrote from a model of the same space, input, classes and paths.</summary>
    public void LoadWeights(byte[] weights) => PathProbe.Load(this, weights);

    private void CheckDomain(int domain)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(domain);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(domain, Domains);
    }

    private PathRecorder Record(int domain)
    {
        CheckDomain(domain);
        return PathProbe.Record(this, _input, stem.parameters().First().device, (probe, recorder) => Run(probe, domain, recorder));
    }

    private Tensor Run(Tensor input, int domain, PathRecorder? recorder)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckDomain(domain);
        var route = _layout.Routes[domain];
        using var images = ConvLayers.AsImages(input, _input);
        var x = stem.Apply(images, MobileCnnPlan.StemChannels, route.Plan.StemStride, 1, domain, activate: true, recorder);
        foreach (var (stage, index, block) in route.Blocks)
        {
            using var previous = x;
            var key = MultiPathLayout.NodeKey(stage, index, block);
            using var output = nodes[key].Apply(previous, block, _specs[key].Local(domain), recorder);
            x = block.Residual ? output.add(previous) : output.alias();
        }

        using var last = x;
        return PathProbe.Classify(head, classifiers[domain], last, domain, recorder);
    }
}
