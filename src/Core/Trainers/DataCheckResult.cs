namespace NasOrleans.Core.Trainers;

/// <summary>
/// What a trainer's data check found at submit: the problems (each naming its field and the fix) and, when it could tell,
/// the estimated cost of the space's largest architecture (such as <c>params</c>, <c>flops</c>, <c>memory_bytes</c>).
/// </summary>
/// <param name="Errors">The problems; empty when the data and the sizes are fine.</param>
/// <param name="LargestArchitecture">The largest architecture as <see cref="Spaces.SearchSpace.Describe"/> writes it, or null.</param>
/// <param name="LargestCost">Its estimated cost by name, or null.</param>
public sealed record DataCheckResult(
    IReadOnlyList<Specs.SpecError> Errors,
    IReadOnlyDictionary<string, string>? LargestArchitecture = null,
    IReadOnlyDictionary<string, double>? LargestCost = null)
{
    /// <summary>No problem, nothing estimated.</summary>
    public static DataCheckResult None { get; } = new([]);
}
