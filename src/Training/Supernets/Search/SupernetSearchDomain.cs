using NasOrleans.Core.Specs;
using NasOrleans.Training.Data;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// One domain of a supernet search: its training part (the shared weights learn from it) and its validation part (the
/// controller's reward comes from it), in the supernet's domain order. The job never disposes them.
/// </summary>
/// <param name="Name">The domain's name (keys of its metrics and curves).</param>
/// <param name="Train">The samples to train the shared weights on.</param>
/// <param name="Validation">The held-out samples the paths' accuracies (rewards) come from.</param>
public sealed record SupernetSearchDomain(string Name, Dataset Train, Dataset Validation)
{
    /// <summary>The held-out test part (the final multi-path model's test accuracy), when loaded with it.</summary>
    public Dataset? Test { get; init; }

    /// <summary>How the raw samples were normalized (an exported model applies it to raw inputs), when known.</summary>
    public FeatureNormalization? Normalization { get; init; }

    /// <summary>The domain of a loaded split (its train and validation parts).</summary>
    public static SupernetSearchDomain From(string name, DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return new SupernetSearchDomain(name, split.Train, split.Validation) { Test = split.Test, Normalization = split.Normalization };
    }

    /// <summary>
    /// The domain a spec's <c>domains:</c> entry names, loaded through <paramref name="catalog"/>: its dataset split with
    /// <paramref name="defaults"/>' split seed and validation size (the domain's own when given), its training part cut to
    /// the first <see cref="DomainSpec.MaxTrainSamples"/> samples (0: all; the parts share the catalog's memory).
    /// </summary>
    public static SupernetSearchDomain Load(DomainSpec spec, DatasetCatalog catalog, DatasetRequest defaults)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(defaults);
        var split = catalog.Load(defaults with { Name = spec.Dataset, ValidationSize = spec.ValidationSize ?? defaults.ValidationSize });
        var train = spec.MaxTrainSamples > 0 ? split.Train.Take(spec.MaxTrainSamples) : split.Train;
        return new SupernetSearchDomain(spec.Name, train, split.Validation) { Test = split.Test, Normalization = split.Normalization };
    }
}
