using System.CommandLine;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Embedded;
using NasOrleans.Client.Output;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas extend study --trials N</c>: adds N trials to a study's budget and goes on searching (a completed study runs
/// again). On the embedded default the new trials train while <c>nas run</c> runs on the data directory.
/// </summary>
internal static class ExtendCommand
{
    public static Command Create(GlobalOptions global)
    {
        var study = new Argument<string>("study") { Description = "The study to extend." };
        var trials = new Option<int>("--trials") { Description = "How many trials to add to the study's budget.", Required = true };
        var command = new Command("extend", "Add trials to a study (finished or running) and go on searching.") { study, trials };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            var count = result.GetValue(trials);
            if (count < 1)
            {
                throw new CliException($"--trials must be at least 1 (it was {count}): it is the number of trials to add.", ExitCodes.InvalidInput);
            }

            await using var client = await StudyClientFactory.OpenAsync(settings, ct);
            var existing = await StudyResolver.ResolveAsync(client, result.GetValue(study), ct);
            var extended = await client.ExtendAsync(existing.StudyId, count, ct);
            if (!extended.Accepted)
            {
                throw new CliException($"study {existing.StudyId} was not extended:\n" + string.Join('\n', extended.Errors), ExitCodes.InvalidInput);
            }

            var summary = extended.Study ?? existing;
            if (settings.Json)
            {
                JsonOutput.Write(StudyView.SummaryJson(summary));
            }
            else
            {
                Console.WriteLine($"Extended study {summary.StudyId} by {count} trials. {StudyView.Progress(summary)}");
                if (settings.Gateway is null && settings.Server is null && RunnerInfo.FindLive(Path.GetFullPath(settings.DataDirectory)) is null)
                {
                    Console.WriteLine("No `nas run` is running on this data directory: run `nas run` (without a spec) to train the new trials.");
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
