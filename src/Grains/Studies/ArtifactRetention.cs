using System.Globalization;
using NasOrleans.Core.Reports;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Studies;

/// <summary>
/// Keeps the saved weights of a study's best <c>k</c> completed feasible trials
/// (<c>{root}/{study}/{trial}/</c>, written by trainers that produce weights) and removes the rest.
/// </summary>
internal sealed class ArtifactRetention
{
    private readonly string? _studyDirectory;
    private readonly int _keep;
    private readonly SortedSet<(double Score, long Id)> _best = new(Comparer<(double Score, long Id)>.Create((a, b) => TrialRanking.Compare(a.Score, a.Id, b.Score, b.Id)));

    public ArtifactRetention(string? root, string studyId, int keep, IEnumerable<TrialRecord> trials)
    {
        _studyDirectory = root is null ? null : Path.Combine(root, studyId);
        _keep = keep;
        foreach (var t in trials.Where(Eligible))
        {
            Add(t);
        }
    }

    /// <summary>Takes newly finished trials into account and deletes the weights that are no longer among the best.</summary>
    public void Offer(IEnumerable<TrialRecord> finished)
    {
        if (_studyDirectory is null)
        {
            return;
        }

        foreach (var t in finished.Where(t => t.SourceTrialId is null))
        {
            if (!Eligible(t))
            {
                Delete(t.TrialId);
                continue;
            }

            if (Add(t) is { } dropped)
            {
                Delete(dropped);
            }
        }
    }

    /// <summary>Deletes every artifact of the study.</summary>
    public void DeleteAll()
    {
        if (_studyDirectory is not null && Directory.Exists(_studyDirectory))
        {
            Directory.Delete(_studyDirectory, recursive: true);
        }
    }

    private static bool Eligible(TrialRecord t) =>
        t.SourceTrialId is null && t.Status == TrialStatus.Completed && t.Feasible && t.Score is not null;

    private long? Add(TrialRecord t)
    {
        _best.Add((t.Score!.Value, t.TrialId));
        if (_best.Count <= _keep)
        {
            return null;
        }

        // The set is in rank order (best first), so the last one is the one that drops out.
        var worst = _best.Max;
        _best.Remove(worst);
        return worst.Id;
    }

    private void Delete(long trialId)
    {
        var directory = Path.Combine(_studyDirectory!, trialId.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
