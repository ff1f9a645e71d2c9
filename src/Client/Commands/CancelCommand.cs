using System.CommandLine;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas cancel study</c>: stops a study; its trials so far stay.</summary>
internal static class CancelCommand
{
    public static Command Create(GlobalOptions global)
    {
        var study = new Argument<string>("study") { Description = "The study to cancel." };
        var command = new Command("cancel", "Cancel a running study (its completed trials stay).") { study };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            await using var client = await StudyClientFactory.OpenAsync(settings, ct);
            var existing = await StudyResolver.ResolveAsync(client, result.GetValue(study), ct);
            var summary = await client.CancelAsync(existing.StudyId, ct);
            if (settings.Json)
            {
                JsonOutput.Write(StudyView.SummaryJson(summary));
            }
            else
            {
                Console.WriteLine(StudyView.Progress(summary));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
