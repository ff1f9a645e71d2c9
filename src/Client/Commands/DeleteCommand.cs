using System.CommandLine;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas delete study</c>: removes a study, its trials and its strategy state.</summary>
internal static class DeleteCommand
{
    public static Command Create(GlobalOptions global)
    {
        var study = new Argument<string>("study") { Description = "The study to delete." };
        var command = new Command("delete", "Delete a study with its trials and strategy state.") { study };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            await using var client = await StudyClientFactory.OpenAsync(settings, ct);
            var existing = await StudyResolver.ResolveAsync(client, result.GetValue(study), ct);
            await client.DeleteAsync(existing.StudyId, ct);
            if (settings.Json)
            {
                JsonOutput.Write(new { study = existing.StudyId, deleted = true });
            }
            else
            {
                Console.WriteLine($"Deleted study {existing.StudyId}.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
