using Microsoft.Extensions.Logging;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage;
using Orleans.Runtime;

namespace NasOrleans.Hosting;

/// <summary>Wakes every unfinished study when the silo becomes active, so a restarted process resumes them.</summary>
internal sealed partial class StudyWaker(IGrainFactory grains, ITrialStore store, ILogger<StudyWaker> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StudyWaker), ServiceLifecycleStage.Active + 1, WakeAsync);

    private async Task WakeAsync(CancellationToken cancellationToken)
    {
        var studies = await store.ListStudiesAsync(cancellationToken);
        foreach (var study in studies.Where(s => s.Status == StudyStatus.Running))
        {
            LogWaking(logger, study.StudyId);
            await grains.GetGrain<IStudyGrain>(study.StudyId).WakeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming study {StudyId}")]
    private static partial void LogWaking(ILogger logger, string studyId);
}
