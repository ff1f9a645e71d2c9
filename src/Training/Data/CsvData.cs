namespace NasOrleans.Training.Data;

/// <summary>A numeric table read by <see cref="CsvDatasetReader"/>: the features row-major, one label per row.</summary>
public sealed class CsvData
{
    /// <summary>Creates the table; throws when the sizes disagree.</summary>
    public CsvData(float[] features, long[] labels, int featureCount, IReadOnlyList<string>? classNames)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        if ((long)labels.Length * featureCount != features.LongLength)
        {
            throw new ArgumentException($"{labels.Length} rows of {featureCount} features need {(long)labels.Length * featureCount} values, not {features.LongLength}.", nameof(features));
        }

        Features = features;
        Labels = labels;
        FeatureCount = featureCount;
        ClassNames = classNames;
    }

    /// <summary>The features, row-major (<see cref="Rows"/> x <see cref="FeatureCount"/>).</summary>
    public float[] Features { get; }

    /// <summary>The class index of each row.</summary>
    public long[] Labels { get; }

    /// <summary>Columns per row, the label excluded.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of rows.</summary>
    public int Rows => Labels.Length;

    /// <summary>The class names from a scikit-learn style header (<c>n_samples,n_features,name…</c>), else null.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>The number of classes: the highest label plus one, or the number of class names when the header gives more.</summary>
    public int Classes => Math.Max(Labels.Length == 0 ? 0 : (int)Labels.Max() + 1, ClassNames?.Count ?? 0);
}
