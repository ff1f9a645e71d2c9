using NasOrleans.Core.Specs;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Trainers;

/// <summary>
/// A trainer kind: its parameters, the metrics it reports (the objective and constraints must name
/// one of them), the space kinds it accepts (empty: any), and how to create it.
/// </summary>
public sealed record TrainerDescriptor(
    string Kind,
    string Description,
    IReadOnlyList<ParameterDescriptor> Parameters,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<string> SpaceKinds,
    Func<TrainerSpec, SearchSpace, TrainerEnvironment, ITrainer> Create);
