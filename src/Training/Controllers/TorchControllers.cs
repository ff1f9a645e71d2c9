using NasOrleans.Core.Strategies;

namespace NasOrleans.Training.Controllers;

/// <summary>The policy-gradient controllers of hosts with TorchSharp.</summary>
public static class TorchControllers
{
    /// <summary>Registers the <c>lstm</c> controller with <see cref="PolicyModels"/> (idempotent).</summary>
    public static void Register() =>
        PolicyModels.Register(LstmPolicyModel.Name, (space, options, seed) =>
            new LstmPolicyModel(new PolicyLayout(space, options.FloatBins), options.LstmHidden, options.LearningRate, seed));
}
