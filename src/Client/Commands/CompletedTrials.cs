using NasOrleans.Client.Backends;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary>Reads all of a study's completed, trained trials (cached repeats left out), page by page, by trial id.</summary>
internal static class CompletedTrials
{
    private const int PageSize = 1000;

    public static Task<List<TrialRecord>> LoadAsync(IStudyClient client, string studyId, CancellationToken cancellationToken) =>
        LoadAsync(client, studyId, scoredOnly: true, cancellationToken);

    /// <summary>The study's completed trials (not copies) in id order; with <paramref name="scoredOnly"/> only those with a score.</summary>
    public static async Task<List<TrialRecord>> LoadAsync(IStudyClient client, string studyId, bool scoredOnly, CancellationToken cancellationToken)
    {
        var trials = new List<TrialRecord>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await client.GetTrialsAsync(studyId, new TrialQuery(offset, PageSize, TrialStatus.Completed), cancellationToken);
            trials.AddRange(page.Where(t => t.SourceTrialId is null && (!scoredOnly || t.Score is not null)));
            if (page.Count < PageSize)
            {
                break;
            }
        }

        trials.Sort((a, b) => a.TrialId.CompareTo(b.TrialId));
        return trials;
    }
}
