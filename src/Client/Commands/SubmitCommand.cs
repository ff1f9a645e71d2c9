using System.CommandLine;
using NasOrleans.Training;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Core.Specs;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas submit spec</c>: validates and submits a study without waiting for it.</summary>
internal static class SubmitCommand
{
    public static Command Create(GlobalOptions global)
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The study spec (YAML or JSON)." };
        var command = new Command("submit", "Submit a study to the cluster (--gateway) or the embedded data directory, and return.") { spec };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            var parsed = SpecPreflight.Load(result.GetValue(spec)!.FullName, settings);
            await using var client = await StudyClientFactory.OpenAsync(settings, ct, create: true);
            var submitted = await client.SubmitAsync(StudySpecJson.Serialize(parsed), ct);
            if (!submitted.Accepted)
            {
                throw new CliException("the study was not accepted; nothing was stored:\n" + string.Join('\n', submitted.Errors), ExitCodes.InvalidInput);
            }

            if (settings.Json)
            {
                JsonOutput.Write(StudyView.SummaryJson(submitted.Study!));
            }
            else
            {
                Console.WriteLine($"Submitted study {parsed.Name}. Follow it with `nas watch {parsed.Name}`" +
                    (settings.Gateway is null && settings.Server is null ? "; it trains while `nas run` runs on this data directory." : "."));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
