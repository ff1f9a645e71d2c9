using NasOrleans.Grains.Strategies;

namespace NasOrleans.Grains.Controllers;

/// <summary>The controller grain's persisted state: the policy learner's snapshot and the call bookkeeping (see <see cref="StrategyGrainState"/>).</summary>
[GenerateSerializer]
[Alias("nas.ControllerState")]
public sealed class ControllerState : StrategyGrainState;
