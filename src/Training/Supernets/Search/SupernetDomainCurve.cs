namespace NasOrleans.Training.Supernets.Search;

/// <summary>A domain's curve of a supernet search: one point per checkpoint interval, from step 0 (resumed runs included).</summary>
/// <param name="Domain">The domain's name.</param>
/// <param name="Points">The points, oldest first.</param>
public sealed record SupernetDomainCurve(string Domain, IReadOnlyList<SupernetCurvePoint> Points);
