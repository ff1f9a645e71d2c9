using NasOrleans.Training.Models;

namespace NasOrleans.Training.Data;

/// <summary>
/// A dataset split for a search: <see cref="Train"/> to fit, <see cref="Validation"/> to rank architectures
/// (the search signal), and <see cref="Test"/> evaluated once per trial, for the report only.
/// </summary>
public sealed class DatasetSplit
{
    /// <summary>Creates a split; throws when the parts disagree on shape or classes.</summary>
    public DatasetSplit(string name, Dataset train, Dataset validation, Dataset test, IReadOnlyList<string> files, IReadOnlyList<string>? classNames = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(files);
        foreach (var part in new[] { validation, test })
        {
            if (part.Shape != train.Shape || part.Classes != train.Classes)
            {
                throw new ArgumentException(
                    $"The part '{part.Name}' ({part.Shape}, {part.Classes} classes) does not match '{train.Name}' ({train.Shape}, {train.Classes} classes).", nameof(train));
            }
        }

        Name = name;
        Train = train;
        Validation = validation;
        Test = test;
        Files = [.. files];
        ClassNames = classNames;
    }

    /// <summary>The dataset's name (as given to <see cref="DatasetCatalog"/>).</summary>
    public string Name { get; }

    /// <summary>The samples to train on.</summary>
    public Dataset Train { get; }

    /// <summary>The held-out samples that rank architectures.</summary>
    public Dataset Validation { get; }

    /// <summary>The test samples, for the report only.</summary>
    public Dataset Test { get; }

    /// <summary>The shape of one sample.</summary>
    public InputShape Shape => Train.Shape;

    /// <summary>The number of classes.</summary>
    public int Classes => Train.Classes;

    /// <summary>The class names when the source gives them, else null.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>How raw features were normalized (train statistics), so an exported model can take raw inputs; null when unknown.</summary>
    public FeatureNormalization? Normalization { get; init; }

    /// <summary>The files the split was read from (for reproducibility checksums).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {Train.Count} train, {Validation.Count} validation, {Test.Count} test, {Shape.Channels}x{Shape.Height}x{Shape.Width}, {Classes} classes";
}
