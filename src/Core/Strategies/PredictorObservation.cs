namespace NasOrleans.Core.Strategies;

/// <summary>An observation a predictor-guided strategy learned, kept in order so its model can be rebuilt on restore.</summary>
/// <param name="Key">The architecture's key.</param>
/// <param name="Score">Its score.</param>
internal sealed record PredictorObservation(string Key, double Score);
