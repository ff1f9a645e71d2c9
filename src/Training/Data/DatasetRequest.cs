using System.Globalization;

namespace NasOrleans.Training.Data;

/// <summary>
/// Which dataset to load and how to split it; equal requests share one loaded <see cref="DatasetSplit"/> per process.
/// </summary>
/// <param name="Name">A name of <see cref="DatasetCatalog"/>: <c>fashion-mnist</c>, <c>mnist</c>, <c>digits</c>, <c>iris</c>, <c>wine</c>,
/// <c>breast-cancer</c>, <c>idx:&lt;images&gt;,&lt;labels&gt;[;&lt;test images&gt;,&lt;test labels&gt;]</c> or <c>csv:&lt;path&gt;[;&lt;test path&gt;]</c>,
/// each image dataset optionally behind <see cref="ImageTransforms"/> prefixes (<c>inverted:upsampled:digits</c>).</param>
/// <param name="ValidationSize">Validation samples taken from the training part: a count (1 or more), a fraction of the
/// training part (between 0 and 1), or 0 for the dataset's default (10,000 for fashion-mnist and mnist, 20% of all samples otherwise).</param>
/// <param name="SplitSeed">The seed of the (stratified) splits; fixed for a study so every trial sees the same split.</param>
public sealed record DatasetRequest(string Name, double ValidationSize = 0, ulong SplitSeed = 0)
{
    /// <summary>The share of all samples held out as the test part when a dataset has no test set of its own.</summary>
    public const double TestFraction = 0.2;

    /// <summary>The validation size of fashion-mnist and mnist when <see cref="ValidationSize"/> is 0.</summary>
    public const int FashionMnistValidationSize = 10_000;

    /// <summary>Lists what is wrong with the request (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add($"dataset: give a name ({string.Join(", ", DatasetCatalog.Names)}, idx:<images>,<labels> or csv:<path>)");
        }
        else if (DatasetSource.Parse(Name, DatasetLocations.Unresolved, out var problem) is null)
        {
            problems.Add($"dataset: {problem}");
        }

        if (!double.IsFinite(ValidationSize) || ValidationSize < 0 || (ValidationSize > 1 && ValidationSize != Math.Floor(ValidationSize)))
        {
            problems.Add($"validation_size: {ValidationSize.ToString(CultureInfo.InvariantCulture)} is neither 0 (the default), a fraction between 0 and 1, nor a whole count");
        }

        return problems;
    }

    /// <summary>The validation count for a training part of <paramref name="trainingPart"/> samples out of <paramref name="total"/>.</summary>
    internal int ResolveValidationCount(int trainingPart, int total, int defaultCount)
    {
        var count = ValidationSize switch
        {
            0 => defaultCount > 0 ? defaultCount : (int)Math.Round(total * TestFraction),
            < 1 => (int)Math.Round(trainingPart * ValidationSize),
            _ => (int)ValidationSize,
        };
        if (count < 1 || count >= trainingPart)
        {
            throw new ArgumentException(
                $"Dataset '{Name}': validation_size {ValidationSize.ToString(CultureInfo.InvariantCulture)} means {count} validation samples, "
                + $"but the training part holds {trainingPart}; choose between 1 and {trainingPart - 1} (or a fraction).");
        }

        return count;
    }
}
