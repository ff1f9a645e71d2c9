using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Training;
using NasOrleans.Training.Export;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas export</c> of a weight-sharing (tunas, mpnas) study: the final multi-path model its job trained after the
/// search, as packaged on the trainer in the artifact store (one zip, a head per domain).
/// </summary>
internal static class FinalModelExport
{
    /// <summary>Writes the study's final model to <paramref name="path"/> when the study is a weight-sharing one; false otherwise.</summary>
    public static async Task<bool> TryWriteAsync(IStudyClient client, StudySummary summary, long? trial, string path, bool json, CancellationToken cancellationToken)
    {
        var spec = StudySpecParser.ParseJson(summary.SpecJson, TorchTrainers.Catalog);
        if (StrategyCatalog.Find(spec.Algorithm.Name)?.Job != SupernetSearchOptions.JobKind)
        {
            return false;
        }

        if (trial is { } asked && asked != 1)
        {
            throw new CliException($"--trial {asked}: study {summary.StudyId} ({spec.Algorithm.Name}) has one job trial; its final model is exported without --trial.", ExitCodes.InvalidInput);
        }

        var package = await client.GetArtifactAsync(summary.StudyId, SupernetSearchOptions.FinalModelArtifact, cancellationToken)
            ?? throw new CliException(
                $"Study {summary.StudyId} has no final model yet ({StudyView.Progress(summary)}): it is trained after the search when final_steps > 0; wait for the study to complete, or rerun it with final_steps set.",
                ExitCodes.StudyNotCompleted);
        OutputFile.EnsureWritable(path, "--out");
        try
        {
            await File.WriteAllBytesAsync(path, package, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--out {path} cannot be written: {ex.Message}", ExitCodes.InvalidInput);
        }

        using var model = ExportedModel.Load(path, "cpu");
        var domains = model.Description.Domains ?? [];
        if (json)
        {
            JsonOutput.Write(new { study = summary.StudyId, @out = path, parameters = model.Parameters, domains = domains.Select(d => new { name = d.Name, architecture = d.Architecture, metrics = d.Metrics }) });
        }
        else
        {
            Console.WriteLine($"Exported the final multi-path model of study {summary.StudyId} to {path}: {model.Parameters:N0} parameters, {domains.Count} domains ({string.Join(", ", domains.Select(d => d.Name))}).");
        }

        return true;
    }
}
