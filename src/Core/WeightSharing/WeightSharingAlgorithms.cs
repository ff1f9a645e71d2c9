using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.WeightSharing;

/// <summary>The weight-sharing algorithms: one supernet trained by a search job, one TuNAS controller per domain.</summary>
public static class WeightSharingAlgorithms
{
    /// <summary>TuNAS (Bender et al., CVPR 2020): one domain.</summary>
    public const string Tunas = "tunas";

    /// <summary>MPNAS (Wang et al., WACV 2021): a controller per domain over one multi-path supernet.</summary>
    public const string Mpnas = "mpnas";

    /// <summary>The controller and search parameters of both.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } = [.. TunasOptions.Parameters, .. SupernetSearchOptions.Parameters];

    /// <summary>The <c>tunas</c> entry.</summary>
    public static AlgorithmDescriptor TunasDescriptor { get; } = Describe(
        Tunas,
        "TuNAS one-shot search: a mobile-cnn supernet whose candidate ops share weights, trained once, with a REINFORCE controller (absolute reward, op warmup, RL delay) sampling a path per step; one domain (the trainer's dataset, or one entry under domains:).");

    /// <summary>The <c>mpnas</c> entry.</summary>
    public static AlgorithmDescriptor MpnasDescriptor { get; } = Describe(
        Mpnas,
        "MPNAS multi-path search: one TuNAS controller per entry under domains:, each routing its own path through one shared mobile-cnn supernet (per-domain heads and batch norms), the domains' losses combined by ABDP.");

    private static AlgorithmDescriptor Describe(string name, string description) => new(
        name,
        description,
        Parameters,
        (space, p, seed) => new TunasStrategy(name, space, TunasOptions.From(p), SupernetSearchOptions.From(p).Steps, seed))
    {
        Job = SupernetSearchOptions.JobKind,
    };
}
