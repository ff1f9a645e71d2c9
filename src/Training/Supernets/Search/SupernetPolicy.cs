using NasOrleans.Core.Spaces;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>Where a domain's controller stands: its most likely path (the search's answer), its entropy, its updates.</summary>
/// <param name="Argmax">The most likely path.</param>
/// <param name="Entropy">The policy's entropy in nats (the sum over its learned decisions).</param>
/// <param name="Updates">Policy updates made so far.</param>
public sealed record SupernetPolicy(Architecture Argmax, double Entropy, long Updates);
