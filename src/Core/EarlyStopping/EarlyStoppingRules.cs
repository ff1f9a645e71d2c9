using NasOrleans.Core.Specs;

namespace NasOrleans.Core.EarlyStopping;

/// <summary>Creates the rule a spec names.</summary>
public static class EarlyStoppingRules
{
    /// <summary>The rule of <paramref name="spec"/>, or null when the spec asks for none.</summary>
    public static IEarlyStoppingRule? Create(EarlyStoppingSpec? spec) => spec?.Rule switch
    {
        null => null,
        "median" => new MedianStoppingRule(spec.MinSteps, spec.MinTrials),
        "asha" => new AshaRule(spec.MinSteps, spec.ReductionFactor, spec.MinTrials),
        var other => throw new ArgumentException($"Unknown early-stopping rule '{other}'; use median or asha.", nameof(spec)),
    };
}
