using System.Globalization;
using NasOrleans.Training;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Output;

/// <summary>How studies and trials are shown: JSON shapes and text lines, with architectures by decision name.</summary>
internal sealed class StudyView
{
    private readonly SearchSpace? _space;

    public StudyView(StudySummary summary)
    {
        Summary = summary;
        try
        {
            _space = SpaceCatalog.Create(StudySpecJson.Deserialize(summary.SpecJson, TorchTrainers.Catalog).Space);
        }
        catch (Exception ex) when (ex is SpecValidationException or ArgumentException or FormatException)
        {
            _space = null;
        }
    }

    public StudySummary Summary { get; }

    public IReadOnlyDictionary<string, string> Architecture(TrialRecord trial) =>
        _space?.Describe(Core.Spaces.Architecture.FromKey(trial.ArchitectureKey)) ?? new Dictionary<string, string> { ["key"] = trial.ArchitectureKey };

    public object TrialJson(TrialRecord t) => new
    {
        study = t.StudyId,
        trial = t.TrialId,
        status = t.Status,
        architecture = Architecture(t),
        display = t.Display,
        metrics = t.Metrics,
        score = t.Score,
        feasible = t.Feasible,
        source_trial = t.SourceTrialId,
        attempt = t.Attempt,
        trainer = t.Trainer,
        error = t.Error,
        duration_seconds = t.DurationSeconds,
        created_at = t.CreatedAt,
        finished_at = t.FinishedAt,
    };

    public static object SummaryJson(StudySummary s) => new
    {
        study = s.StudyId,
        status = s.Status,
        algorithm = s.Algorithm,
        objective = s.Objective,
        max_trials = s.MaxTrials,
        completed = s.Completed,
        failed = s.Failed,
        cached = s.Cached,
        running = s.Running,
        pending = s.Pending,
        observed = s.Observed,
        best_trial = s.BestTrialId,
        best_score = s.BestScore,
        message = s.Message,
        seed = s.Seed,
        spec_hash = s.SpecHash,
        product_version = s.ProductVersion,
        data_checksums = s.DataChecksums,
        created_at = s.CreatedAt,
        updated_at = s.UpdatedAt,
    };

    public static string Progress(StudySummary s) =>
        $"{s.StudyId}: {s.Status.ToString().ToLowerInvariant()}, {s.Completed + s.Failed}/{s.MaxTrials} trained ({s.Completed} completed, {s.Failed} failed, {s.Cached} cached, {s.Running} running, {s.Pending} pending)"
        + (s.BestScore is { } b ? $", best {Number(Math.Abs(b))}" : "");

    public static string Number(double v) => Math.Abs(v) >= 1e5 ? v.ToString("G4", CultureInfo.InvariantCulture) : v.ToString("0.####", CultureInfo.InvariantCulture);

    public string TrialText(TrialRecord t)
    {
        var metrics = string.Join(", ", t.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {Number(m.Value)}"));
        return $"trial {t.TrialId} [{t.Status.ToString().ToLowerInvariant()}] {t.Display ?? t.ArchitectureKey}\n    {metrics}{(t.Error is null ? "" : $"\n    error: {t.Error}")}";
    }
}
