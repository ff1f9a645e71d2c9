using System.CommandLine;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas list</c>: every study with its standing.</summary>
internal static class ListCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("list", "List the studies, newest first.");
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            await using var client = await StudyClientFactory.OpenAsync(settings, ct);
            var studies = await client.ListStudiesAsync(ct);
            if (settings.Json)
            {
                JsonOutput.Write(new { studies = studies.Select(StudyView.SummaryJson).ToList() });
            }
            else if (studies.Count == 0)
            {
                Console.WriteLine("No studies yet. Start one with `nas run <spec.yaml>` (see examples/).");
            }
            else
            {
                foreach (var s in studies)
                {
                    Console.WriteLine($"{StudyView.Progress(s)}  [{s.Algorithm}; {s.Objective}]");
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
