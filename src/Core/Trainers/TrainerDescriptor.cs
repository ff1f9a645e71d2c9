using NasOrleans.Core.Specs;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Trainers;

/// <summary>
/// A trainer kind: its parameters, the metrics it reports (the objective and constraints must name
/// one of them), the space kinds it accepts (empty: any), how to create it, and the data files it reads
/// (their checksums are recorded with each study so it can be reproduced).
/// </summary>
public sealed record TrainerDescriptor(
    string Kind,
    string Description,
    IReadOnlyList<ParameterDescriptor> Parameters,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<string> SpaceKinds,
    Func<TrainerSpec, SearchSpace, TrainerEnvironment, ITrainer> Create,
    Func<TrainerSpec, TrainerEnvironment, IReadOnlyList<string>>? DataFiles = null);
