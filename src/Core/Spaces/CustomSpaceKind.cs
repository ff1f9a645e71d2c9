using NasOrleans.Core.Specs;

namespace NasOrleans.Core.Spaces;

/// <summary>The <c>custom</c> kind: a space of the decisions listed in the spec (<see cref="DecisionSpec"/>).</summary>
internal static class CustomSpaceKind
{
    public const string KindName = "custom";

    public static SpaceKindDescriptor Descriptor { get; } = new(
        KindName,
        "The decisions listed under space.decisions: categorical, integer or float, optionally conditional on an earlier one.",
        []);

    /// <summary>The decision of a spec entry that <see cref="DecisionSpecChecks"/> found valid (its condition included).</summary>
    public static Decision ToDecision(DecisionSpec spec)
    {
        var condition = spec.When is { Count: 1 } when
            ? new DecisionCondition(when.Keys.Single(), [.. when.Values.Single()])
            : null;
        return spec.Type switch
        {
            DecisionSpecChecks.Categorical => Decision.Categorical(spec.Name, [.. spec.Values!], condition),
            DecisionSpecChecks.Integer => Decision.Integer(spec.Name, (long)spec.Min!.Value, (long)spec.Max!.Value, spec.Step ?? 1, condition),
            DecisionSpecChecks.Float => Decision.Float(spec.Name, spec.Min!.Value, spec.Max!.Value, spec.Log, condition),
            _ => throw new ArgumentException($"Unknown decision type '{spec.Type}'.", nameof(spec)),
        };
    }

    public static SearchSpace Create(IReadOnlyList<DecisionSpec> decisions) =>
        new(KindName, [.. decisions.Select(ToDecision)]);
}
