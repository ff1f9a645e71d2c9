using NasOrleans.Training.Supernets.Search;

namespace NasOrleans.Training.Supernets.MultiPath;

/// <summary>One row of the MPNAS comparison for one seed.</summary>
/// <param name="Row">The row.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Paths">Each domain's chosen path (architecture key), in domain order.</param>
/// <param name="Domains">Each domain's final accuracy and path cost.</param>
/// <param name="UniqueParameters">The parameters of everything the row deploys (the bundle: the sum of its models).</param>
/// <param name="SearchCurves">Per domain, the search's curve (training loss, one-shot validation accuracy, reward).</param>
/// <param name="FinalCurves">Per domain, the final training's curve (training loss, validation accuracy).</param>
/// <param name="SearchSeconds">Wall time of the search(es).</param>
/// <param name="FinalSeconds">Wall time of the final training(s).</param>
/// <param name="Entropy">Per domain, the controller's entropy at the end of the search.</param>
public sealed record MpnasRowResult(
    MpnasRow Row,
    ulong Seed,
    IReadOnlyList<string> Paths,
    IReadOnlyList<MultiPathDomainResult> Domains,
    long UniqueParameters,
    IReadOnlyList<SupernetDomainCurve> SearchCurves,
    IReadOnlyList<SupernetDomainCurve> FinalCurves,
    double SearchSeconds,
    double FinalSeconds,
    IReadOnlyList<double> Entropy);
