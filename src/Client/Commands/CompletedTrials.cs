using NasOrleans.Client.Backends;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary>Reads all of a study's completed, trained trials (cached repeats left out), page by page, by trial id.</summary>
internal static class CompletedTrials
{
    private const int PageSize = 1000;

    public static async Task<List<TrialRecord>> LoadAsync(IStudyClient client, string studyId, CancellationToken cancellationToken)
    {
        var trials = new List<TrialRecord>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await client.GetTrialsAsync(studyId, new TrialQuery(offset, PageSize, TrialStatus.Completed), cancellationToken);
            trials.AddRange(page.Where(t => t.SourceTrialId is null && t.Score is not null));
            if (page.Count < PageSize)
            {
                break;
            }
        }

        trials.Sort((a, b) => a.TrialId.CompareTo(b.TrialId));
        return trials;
    }
}
