using System.Globalization;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Training;

namespace NasOrleans.Client.Commands;

/// <summary>
/// What <c>nas report</c> reads of a weight-sharing (tunas, mpnas) study: its spec and space, the domains, the job
/// trial's curve (one point per checkpoint interval) and final metrics, and each domain's argmax path.
/// </summary>
/// <param name="StudyId">The study.</param>
/// <param name="Spec">The study's spec.</param>
/// <param name="Space">The spec's search space.</param>
/// <param name="Domains">The domains, in the spec's order (a single-domain tunas study's is <see cref="ControllerKey.DefaultDomain"/>).</param>
/// <param name="Curve">The job trial's measurements, by step.</param>
/// <param name="Metrics">The job trial's final metrics (empty while it runs).</param>
/// <param name="Paths">Each domain's argmax architecture, in <paramref name="Domains"/>' order.</param>
internal sealed record SupernetStudy(
    string StudyId,
    StudySpec Spec,
    SearchSpace Space,
    IReadOnlyList<string> Domains,
    IReadOnlyList<CurvePoint> Curve,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<Architecture> Paths)
{
    /// <summary>The job trial's id (a weight-sharing study runs one trial).</summary>
    public const long JobTrialId = 1;

    /// <summary>How the study combines the domains' losses, as its spec says: <c>ABDP w=2</c> or <c>plain sum</c>.</summary>
    public string LossCombination
    {
        get
        {
            var search = SupernetSearchOptions.From(new ResolvedParameters(WeightSharingAlgorithms.Parameters, Spec.Algorithm.Parameters));
            return search.Abdp ? string.Create(CultureInfo.InvariantCulture, $"ABDP w={search.AbdpW:G6}") : "plain sum";
        }
    }

    /// <summary>Whether <paramref name="summary"/>'s algorithm is a weight-sharing search job (tunas, mpnas).</summary>
    public static bool IsWeightSharing(StudySummary summary) => StrategyCatalog.Find(summary.Algorithm)?.Job == Core.WeightSharing.SupernetSearchOptions.JobKind;

    /// <summary>The domains of <paramref name="spec"/>: its <c>domains:</c> names, else the one default domain.</summary>
    public static IReadOnlyList<string> DomainsOf(StudySpec spec) =>
        spec.Domains is { Count: > 0 } domains ? [.. domains.Select(d => d.Name)] : [ControllerKey.DefaultDomain];

    /// <summary>Reads the study; throws a <see cref="CliException"/> when its job has no curve point yet or a controller no argmax path.</summary>
    public static async Task<SupernetStudy> LoadAsync(IStudyClient client, StudySummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var spec = StudySpecJson.Deserialize(summary.SpecJson, TorchTrainers.Catalog);
        var space = SpaceCatalog.Create(spec.Space);
        var domains = DomainsOf(spec);
        var job = (await client.GetTrialsAsync(summary.StudyId, new TrialQuery(0, 1), cancellationToken)).FirstOrDefault(t => t.TrialId == JobTrialId);
        var curve = job is null ? [] : await client.GetCurveAsync(summary.StudyId, JobTrialId, cancellationToken);
        if (curve.Count == 0)
        {
            throw new CliException(
                $"Study {summary.StudyId}'s supernet search has reported no checkpoint yet ({StudyView.Progress(summary)}): run it first (`nas run`), or wait for its first checkpoint interval.",
                ExitCodes.StudyNotCompleted);
        }

        var paths = new List<Architecture>();
        foreach (var domain in domains)
        {
            var policy = await client.GetPolicyAsync(summary.StudyId, domain, cancellationToken);
            paths.Add(policy.ArgmaxKey is { Length: > 0 } key
                ? Architecture.FromKey(key)
                : throw new CliException($"Study {summary.StudyId}'s controller of domain '{domain}' ({policy.Algorithm}) names no argmax path yet; wait for its first policy update.", ExitCodes.StudyNotCompleted));
        }

        return new SupernetStudy(summary.StudyId, spec, space, domains, [.. curve.OrderBy(p => p.Step)], job!.Metrics, paths);
    }

    /// <summary>Throws unless <paramref name="other"/> searches the same space over the same domains (so that the two compare).</summary>
    public void EnsureComparable(SupernetStudy other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Domains.SequenceEqual(other.Domains, StringComparer.Ordinal))
        {
            throw new CliException($"--compare: study {other.StudyId} searches the domains {string.Join(", ", other.Domains)}; study {StudyId} searches {string.Join(", ", Domains)}. Compare studies of the same domains.", ExitCodes.InvalidInput);
        }

        if (Signature(Space) != Signature(other.Space))
        {
            throw new CliException($"--compare: study {other.StudyId} searches another space than study {StudyId} ({other.Space.Decisions.Count} decisions against {Space.Decisions.Count}, or other choices); compare studies of the same space.", ExitCodes.InvalidInput);
        }
    }

    /// <summary>A domain's metric at each curve point that reports it (x: the point's <c>step</c> metric, else its step).</summary>
    public IReadOnlyList<(double Step, double Value)> Series(string domain, string metric)
    {
        var key = $"{domain}.{metric}";
        return [.. Curve.Where(p => p.Metrics.ContainsKey(key))
            .Select(p => (p.Metrics.TryGetValue("step", out var step) ? step : p.Step, p.Metrics[key]))];
    }

    private static string Signature(SearchSpace space) => string.Join(';', space.Decisions.Select(d =>
        string.Create(CultureInfo.InvariantCulture, $"{d.Name}:{d.Kind}:{string.Join('|', d.Choices)}:{d.Min:R}:{d.Max:R}:{d.Step}")));
}
