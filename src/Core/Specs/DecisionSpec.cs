namespace NasOrleans.Core.Specs;

/// <summary>
/// One explicit decision of a custom space, as written in a spec. <see cref="Type"/> is
/// <c>categorical</c> (with <see cref="Values"/>), <c>integer</c> (min, max, step) or <c>float</c> (min, max, log);
/// <see cref="When"/> makes it conditional on earlier decisions (parent name to allowed values).
/// </summary>
public sealed record DecisionSpec(
    string Name,
    string Type,
    IReadOnlyList<string>? Values = null,
    double? Min = null,
    double? Max = null,
    long? Step = null,
    bool Log = false,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? When = null);
