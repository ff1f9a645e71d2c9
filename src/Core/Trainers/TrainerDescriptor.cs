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
    /// <summary>True when the trainer reports whatever metrics its workers choose (ask/tell); <see cref="Metrics"/> then lists none and any objective metric is accepted.</summary>
    public bool ReportsAnyMetric { get; init; }

    /// <summary>The metrics <see cref="Cost"/> computes before training (in the unit the trainer reports them).</summary>
    public IReadOnlyList<string> CostMetrics { get; init; } = [];

    /// <summary>
    /// Makes the function computing a metric of <see cref="CostMetrics"/> from an architecture, for a trainer spec and
    /// space; null when the trainer computes none.
    /// </summary>
    public Func<TrainerSpec, SearchSpace, TrainerEnvironment, string, Func<Architecture, double>>? Cost { get; init; }

    /// <summary>
    /// The checks that need the data (files exist and parse, validation_size fits the rows) and the sizes of the largest
    /// architecture against the trainer's limits; run at submit, where the data will be read. It may read files, so callers
    /// run it off a grain turn. Null: the trainer reads nothing but <see cref="DataFiles"/>, which are checked to exist.
    /// </summary>
    public Func<TrainerSpec, SearchSpace, TrainerEnvironment, DataCheckResult>? CheckData { get; init; }

    /// <summary>
    /// Null when a dataset name (of a spec's <see cref="StudySpec.Domains"/>) is one this trainer reads, else the problem with
    /// the fix; it reads no file. Null: the trainer names no datasets, and a domain's dataset is only checked to be given.
    /// </summary>
    public Func<string, string?>? CheckDataset { get; init; }

    /// <summary>
    /// The data checks of a spec's <see cref="StudySpec.Domains"/> at submit, as <see cref="CheckData"/> does for the trainer's
    /// own dataset (files exist and parse, the validation size fits), with errors at <c>domains[i].field</c>; it may read files.
    /// Null: nothing of the domains is checked at submit.
    /// </summary>
    public Func<IReadOnlyList<DomainSpec>, TrainerSpec, TrainerEnvironment, DataCheckResult>? CheckDomainData { get; init; }
}
