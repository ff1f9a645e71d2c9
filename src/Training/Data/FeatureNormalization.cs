namespace NasOrleans.Training.Data;

/// <summary>
/// The normalization applied to raw features (as stored: bytes for IDX pixels, numbers for CSV):
/// <c>(x * Scale - Mean) / Std</c>, with one mean and std for all features of an image
/// (<see cref="Mean"/> of length 1) or one per feature for tabular data.
/// </summary>
public sealed record FeatureNormalization(float Scale, float[] Mean, float[] Std)
{
    /// <summary>Normalizes one raw sample in place.</summary>
    public void Apply(Span<float> features)
    {
        for (var i = 0; i < features.Length; i++)
        {
            var k = Mean.Length == 1 ? 0 : i;
            features[i] = ((features[i] * Scale) - Mean[k]) / Std[k];
        }
    }
}
