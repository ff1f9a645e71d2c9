namespace NasOrleans.Training.Supernets.MultiPath;

/// <summary>One domain of a trained <see cref="MultiPathModel"/>.</summary>
/// <param name="Domain">The domain's name.</param>
/// <param name="TestAccuracy">Accuracy (percent) on the domain's test part, eval mode; NaN without a test part.</param>
/// <param name="ValidationAccuracy">Accuracy (percent) on its validation part, eval mode.</param>
/// <param name="PathParams">Parameters of the domain's path (its stand-alone network).</param>
/// <param name="PathFlops">Multiply-adds of the domain's path for one sample.</param>
public sealed record MultiPathDomainResult(string Domain, double TestAccuracy, double ValidationAccuracy, long PathParams, double PathFlops);
