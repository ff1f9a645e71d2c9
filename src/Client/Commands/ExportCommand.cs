using System.CommandLine;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Training.Export;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas export [study] [--trial N] --out file</c>: packages a trained model (weights and a JSON description); for a
/// tunas or mpnas study, its final multi-path model (a head per domain).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var study = new Argument<string?>("study") { Description = "The study (default: the latest).", Arity = ArgumentArity.ZeroOrOne };
        var trial = new Option<long?>("--trial") { Description = "The trial (default: the study's best)." };
        var output = new Option<FileInfo>("--out") { Description = "The package to write (a zip with model.json and weights.dat).", Required = true };
        var artifacts = new Option<string?>("--artifacts") { Description = "The artifact folder (default: artifacts under the data directory)." };
        var command = new Command("export", "Export a trained model: load it with ExportedModel.Load(path) and call Predict.") { study, trial, output, artifacts };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            await using var client = await StudyClientFactory.OpenAsync(settings, ct);
            var summary = await StudyResolver.ResolveAsync(client, result.GetValue(study), ct);
            if (await PairedExport.TryWriteAsync(client, summary, result.GetValue(trial), result.GetValue(output)!.FullName, settings.Json, ct))
            {
                return ExitCodes.Ok;
            }

            if (await FinalModelExport.TryWriteAsync(client, summary, result.GetValue(trial), result.GetValue(output)!.FullName, settings.Json, ct))
            {
                return ExitCodes.Ok;
            }

            var trialId = result.GetValue(trial) ?? summary.BestTrialId
                ?? throw new CliException($"Study {summary.StudyId} has no completed feasible trial to export ({StudyView.Progress(summary)}).", ExitCodes.StudyNotCompleted);
            var root = Path.GetFullPath(result.GetValue(artifacts) ?? Path.Combine(settings.DataDirectory, "artifacts"));
            var path = result.GetValue(output)!.FullName;
            OutputFile.EnsureWritable(path, "--out");
            try
            {
                ModelPackage.Write(root, summary.StudyId, trialId, summary.SpecJson, path);
            }
            catch (FileNotFoundException ex)
            {
                throw new CliException(ex.Message, ExitCodes.NotFound);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--out {path} cannot be written: {ex.Message}", ExitCodes.InvalidInput);
            }

            var description = ArtifactStore.Describe(root, summary.StudyId, trialId)!;
            if (settings.Json)
            {
                JsonOutput.Write(new { study = summary.StudyId, trial = trialId, @out = path, architecture = description.Architecture, metrics = description.Metrics });
            }
            else
            {
                Console.WriteLine($"Exported trial {trialId} of study {summary.StudyId} to {path}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
