using NasOrleans.Core.Nb201;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Trainers;

/// <summary>The trainer kinds a host offers. Hosts with TorchSharp add theirs to <see cref="Default"/>.</summary>
public sealed class TrainerCatalog
{
    /// <summary>Creates a catalog of <paramref name="trainers"/>.</summary>
    public TrainerCatalog(IEnumerable<TrainerDescriptor> trainers)
    {
        Trainers = [.. trainers];
    }

    /// <summary>The trainers with no dependencies beyond this library: <c>synthetic</c> and <c>nb201-replay</c>.</summary>
    public static TrainerCatalog Default { get; } = new([SyntheticTrainer.Descriptor, Nb201ReplayTrainer.Descriptor, ExternalTrainer.Descriptor]);

    /// <summary>Every kind, in order.</summary>
    public IReadOnlyList<TrainerDescriptor> Trainers { get; }

    /// <summary>The kind named <paramref name="kind"/>, or null.</summary>
    public TrainerDescriptor? Find(string kind) => Trainers.FirstOrDefault(t => string.Equals(t.Kind, kind, StringComparison.Ordinal));

    /// <summary>A catalog with <paramref name="more"/> added (replacing kinds of the same name).</summary>
    public TrainerCatalog With(IEnumerable<TrainerDescriptor> more)
    {
        var added = more.ToList();
        return new TrainerCatalog(Trainers.Where(t => added.All(a => a.Kind != t.Kind)).Concat(added));
    }

    /// <summary>Creates the trainer of <paramref name="spec"/>; throws <see cref="ArgumentException"/> naming an unknown kind.</summary>
    public ITrainer Create(TrainerSpec spec, SearchSpace space, TrainerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var descriptor = Find(spec.Kind)
            ?? throw new ArgumentException($"Unknown trainer '{spec.Kind}'; known: {string.Join(", ", Trainers.Select(t => t.Kind))}.", nameof(spec));
        return descriptor.Create(spec, space, environment);
    }
}
