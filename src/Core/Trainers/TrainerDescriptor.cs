using NasOrleans.Core.Specs;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Trainers;

/// <summary>
/// A trainer kind: its parameters, the metrics it reports (the objective and constraints must name
/// one of them), the space kinds it accepts (empty: any), how to create it, and the data files it reads
/// (their checksums are recorded with each study so it can be reproduced). A trainer that can compute some metrics
/// from the architecture alone, before training (parameters, FLOPs, a latency table), lists them in
/// <see cref="CostMetrics"/> and gives <see cref="Cost"/>: constrained strategies and reward shaping use them.
/// </summary>
public sealed record TrainerDescriptor(
    string Kind,
    string Description,
    IReadOnlyList<ParameterDescriptor> Parameters,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<string> SpaceKinds,
    Func<TrainerSpec, SearchSpace, TrainerEnvironment, ITrainer> Create,
    Func<TrainerSpec, TrainerEnvironment, IReadOnlyList<string>>? DataFiles = null)
{
    /// <summary>The metrics <see cref="Cost"/> computes before training (in the unit the trainer reports them).</summary>
    public IReadOnlyList<string> CostMetrics { get; init; } = [];

    /// <summary>
    /// Makes the function computing a metric of <see cref="CostMetrics"/> from an architecture, for a trainer spec and
    /// space; null when the trainer computes none.
    /// </summary>
    public Func<TrainerSpec, SearchSpace, TrainerEnvironment, string, Func<Architecture, double>>? Cost { get; init; }
}
