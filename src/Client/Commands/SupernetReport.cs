using System.Globalization;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Client.Commands;

/// <summary>
/// The report of a weight-sharing study (tunas, mpnas), optionally against a second study of the same space and
/// domains (the same search without ABDP, say): each domain's argmax path, the Jaccard matrix of the paths, the
/// fraction of shared nodes per layer, the final metrics, and each domain's curves (train loss, validation accuracy,
/// controller entropy) over steps.
/// </summary>
internal sealed class SupernetReport
{
    /// <summary>The per-domain final metrics shown when the job trial reports them (as <c>&lt;domain&gt;.&lt;metric&gt;</c>).</summary>
    public static readonly IReadOnlyList<string> DomainMetrics = ["validation_accuracy", "test_accuracy", "path_params", "path_flops", "mean_reward"];

    /// <summary>The study-wide final metrics shown when the job trial reports them.</summary>
    public static readonly IReadOnlyList<string> StudyMetrics = ["validation_accuracy", "test_accuracy", "unique_params", "bundle_params", "steps", "train_seconds"];

    /// <summary>A report of <paramref name="study"/>, compared with <paramref name="compare"/> when given (same space and domains).</summary>
    public SupernetReport(SupernetStudy study, SupernetStudy? compare = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (compare is not null)
        {
            study.EnsureComparable(compare);
        }

        Study = study;
        Compare = compare;
        Nodes = [.. study.Paths.Select(p => PathNodes.Of(study.Space, p))];
        Jaccard = PathNodes.JaccardMatrix(Nodes);
        Sharing = PathNodes.SharingByLayer(study.Space, Nodes);
    }

    /// <summary>The reported study.</summary>
    public SupernetStudy Study { get; }

    /// <summary>The study it is compared with, or null.</summary>
    public SupernetStudy? Compare { get; }

    /// <summary>The studies of the report: the reported one, then the compared one when given.</summary>
    public IReadOnlyList<SupernetStudy> Studies => Compare is null ? [Study] : [Study, Compare];

    /// <summary>Each domain's argmax path's nodes, in the domains' order.</summary>
    public IReadOnlyList<IReadOnlyList<PathNode>> Nodes { get; }

    /// <summary>The Jaccard similarity of the domains' argmax paths (row and column i: domain i).</summary>
    public double[,] Jaccard { get; }

    /// <summary>Per layer of the space: the nodes the paths use there and the fraction that two or more domains share.</summary>
    public IReadOnlyList<(string Layer, int Nodes, int Shared, double SharedFraction)> Sharing { get; }

    /// <summary>The per-domain final metrics the job trial reports (of <see cref="DomainMetrics"/>).</summary>
    public IReadOnlyList<string> ReportedDomainMetrics =>
        [.. DomainMetrics.Where(m => Study.Domains.Any(d => Study.Metrics.ContainsKey($"{d}.{m}")))];

    /// <summary>The study-wide final metrics the job trial reports (of <see cref="StudyMetrics"/>).</summary>
    public IReadOnlyList<string> ReportedStudyMetrics => [.. StudyMetrics.Where(Study.Metrics.ContainsKey)];

    /// <summary>A path as a user reads it, stage by stage: <c>s1 2x fused_ibn k3 e2 w32; s2 skip</c>.</summary>
    public static string Describe(SearchSpace space, Architecture path)
    {
        ArgumentNullException.ThrowIfNull(space);
        var values = space.Describe(path);
        var stages = new List<string>();
        for (var s = 1; values.TryGetValue(Name(s, "depth"), out var depth); s++)
        {
            stages.Add(depth == "0"
                ? $"s{s} skip"
                : $"s{s} {depth}x {values[Name(s, "block")]} k{values[Name(s, "kernel")]} e{values[Name(s, "expansion")]} w{values[Name(s, "width")]}");
        }

        return string.Join("; ", stages);
    }

    /// <summary>A study's name in the legends and tables: its id and how it combines the domains' losses.</summary>
    public static string Label(SupernetStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return $"{study.StudyId} ({study.LossCombination})";
    }

    /// <summary>The last value of a domain's curve metric in <paramref name="study"/>, or NaN when none was reported.</summary>
    public static double Last(SupernetStudy study, string domain, string metric)
    {
        ArgumentNullException.ThrowIfNull(study);
        var series = study.Series(domain, metric);
        return series.Count > 0 ? series[^1].Value : double.NaN;
    }

    /// <summary>The report as one JSON object (snake_case keys), with the written <paramref name="files"/>.</summary>
    public object Json(IReadOnlyList<string> files) => new
    {
        study = Study.StudyId,
        algorithm = Study.Spec.Algorithm.Name,
        loss_combination = Study.LossCombination,
        compare = Compare is null ? null : new { study = Compare.StudyId, loss_combination = Compare.LossCombination },
        domains = Study.Domains,
        paths = Study.Domains.Select((d, i) => new
        {
            domain = d,
            key = Study.Paths[i].Key,
            architecture = Describe(Study.Space, Study.Paths[i]),
            nodes = Nodes[i].Select(n => n.ToString()).ToList(),
        }).ToList(),
        jaccard = Enumerable.Range(0, Study.Domains.Count).Select(i => Enumerable.Range(0, Study.Domains.Count).Select(j => Jaccard[i, j]).ToList()).ToList(),
        sharing = Sharing.Select(s => new { layer = s.Layer, nodes = s.Nodes, shared = s.Shared, shared_fraction = s.SharedFraction }).ToList(),
        final_metrics = Study.Metrics.Where(m => IsFinalMetric(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => m.Value),
        last = Studies.SelectMany(s => s.Domains.Select(d => new
        {
            study = s.StudyId,
            domain = d,
            step = s.Series(d, "train_loss") is { Count: > 0 } loss ? loss[^1].Step : double.NaN,
            train_loss = Last(s, d, "train_loss"),
            validation_accuracy = Last(s, d, "validation_accuracy"),
            entropy = Last(s, d, "entropy"),
        })).ToList(),
        files,
    };

    private bool IsFinalMetric(string key) =>
        StudyMetrics.Contains(key) || Study.Domains.Any(d => DomainMetrics.Any(m => key == $"{d}.{m}"));

    private static string Name(int stage, string decision) => string.Create(CultureInfo.InvariantCulture, $"s{stage}_{decision}");
}
