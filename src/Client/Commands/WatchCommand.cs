using System.CommandLine;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas watch [study]</c>: follows a study until it ends (observer on a cluster, the store on the embedded data directory).</summary>
internal static class WatchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var study = new Argument<string?>("study") { Description = "The study (default: the latest).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("watch", "Follow a study's progress until it ends; interrupting it leaves the study untouched.") { study };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            await using var client = await StudyClientFactory.OpenAsync(settings, ct);
            var summary = await StudyResolver.ResolveAsync(client, result.GetValue(study), ct);
            StudySummary final;
            if (client is GrainStudyClient grains)
            {
                final = summary;
                var watcher = new StudyWatcher();
                var failures = new FailureLog(client, Console.Error.WriteLineAsync);
                await foreach (var update in watcher.WatchAsync(grains.Grains, summary.StudyId, ct))
                {
                    final = update;
                    await failures.ReportAsync(update, ct);
                    await (settings.Json ? Console.Error : Console.Out).WriteLineAsync(StudyView.Progress(update));
                }
            }
            else
            {
                final = (await ProgressDisplay.FollowAsync(client, [summary.StudyId], settings.Json, ct))[0];
            }

            if (final.Status != StudyStatus.Completed)
            {
                await Console.Error.WriteLineAsync($"nas: study {final.StudyId} ended {final.Status.ToString().ToLowerInvariant()}: {final.Message}");
            }

            if (settings.Json)
            {
                JsonOutput.Write(StudyView.SummaryJson(final));
            }

            return final.Status == StudyStatus.Completed ? ExitCodes.Ok : ExitCodes.StudyNotCompleted;
        }));
        return command;
    }
}
