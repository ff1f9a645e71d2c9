using NasOrleans.Client.Backends;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary>
/// Prints each failed trial's error once, as a study's failed count grows, so that <c>nas run</c> and <c>nas watch</c>
/// show failures as they happen (not only <c>nas show</c> afterwards).
/// </summary>
internal sealed class FailureLog(IStudyClient client, Func<string, Task> write)
{
    /// <summary>Failed trials re-read before the last count, for failures recorded out of trial order.</summary>
    private const int Overlap = 16;

    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<(string Study, long Trial)> _printed = [];

    public async Task ReportAsync(StudySummary summary, CancellationToken cancellationToken)
    {
        var seen = _seen.GetValueOrDefault(summary.StudyId);
        if (summary.Failed <= seen)
        {
            return;
        }

        var from = Math.Max(0, seen - Overlap);
        var failed = await client.GetTrialsAsync(summary.StudyId, new TrialQuery(from, Math.Min(1000, summary.Failed - from + Overlap), TrialStatus.Failed), cancellationToken);
        foreach (var t in failed.Where(t => t.SourceTrialId is null && _printed.Add((summary.StudyId, t.TrialId))))
        {
            await write($"{summary.StudyId}: trial {t.TrialId} failed: {t.Error}");
        }

        _seen[summary.StudyId] = summary.Failed;
    }
}
