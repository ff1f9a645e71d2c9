using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>The numbers the pages update while a study runs (the JSON of <c>PREFIX/api/studies</c> and <c>PREFIX/api/studies/ID</c>).</summary>
internal sealed record StudyProgress(
    string Id, string Status, int Trained, int Max, int Completed, int Failed, int Cached, int Running, int Pending, double? Best, string Updated, string? Message)
{
    /// <summary>The progress of <paramref name="s"/>.</summary>
    public static StudyProgress Of(StudySummary s) => new(
        s.StudyId, StatusText(s.Status), s.Completed + s.Failed, s.MaxTrials, s.Completed, s.Failed, s.Cached, s.Running, s.Pending,
        StudyObjective.Of(s).Value(s.BestScore), Html.Time(s.UpdatedAt), s.Message);

    /// <summary>A study status in lower case, as the CLI prints it.</summary>
    public static string StatusText(StudyStatus status) => status.ToString().ToLowerInvariant();
}
