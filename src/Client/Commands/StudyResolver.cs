using NasOrleans.Client.Backends;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary>Finds the study a command names, or the latest one when none is named.</summary>
internal static class StudyResolver
{
    public static async Task<StudySummary> ResolveAsync(IStudyClient client, string? studyId, CancellationToken cancellationToken)
    {
        if (studyId is not null)
        {
            return await client.GetStudyAsync(studyId, cancellationToken)
                ?? throw new CliException($"No study '{studyId}'. `nas list` shows the studies there are.", ExitCodes.NotFound);
        }

        var studies = await client.ListStudiesAsync(cancellationToken);
        return studies.Count > 0
            ? studies[0]
            : throw new CliException("There are no studies yet. Start one with `nas run <spec.yaml>` (see examples/).", ExitCodes.NotFound);
    }
}
