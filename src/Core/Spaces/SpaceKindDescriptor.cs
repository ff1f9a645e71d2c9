using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Spaces;

/// <summary>A space kind as specs name it (<c>space.kind</c>), with its documented parameters.</summary>
public sealed record SpaceKindDescriptor(string Kind, string Description, IReadOnlyList<ParameterDescriptor> Parameters);
