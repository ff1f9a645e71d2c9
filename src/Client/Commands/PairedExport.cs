using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Core.Paired;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Training.Paired;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas export</c> and <c>nas play</c> of an environment-design study: its protagonist as last evaluated, from the artifact store.</summary>
internal static class PairedExport
{
    /// <summary>The study's protagonist package; a clear error when the study has none yet.</summary>
    public static async Task<(ProtagonistPackage Package, byte[] Bytes)> ReadAsync(IStudyClient client, StudySummary summary, CancellationToken cancellationToken)
    {
        var bytes = await client.GetArtifactAsync(summary.StudyId, PairedAlgorithms.ProtagonistArtifact, cancellationToken)
            ?? throw new CliException(
                $"Study {summary.StudyId} has no trained protagonist yet ({StudyView.Progress(summary)}): it is saved at each evaluation (every eval_every rounds, and the last); wait for one.",
                ExitCodes.StudyNotCompleted);
        try
        {
            return (ProtagonistPackage.Read(bytes), bytes);
        }
        catch (InvalidDataException ex)
        {
            throw new CliException($"Study {summary.StudyId}'s protagonist package is unreadable: {ex.Message}", ExitCodes.Error);
        }
    }

    /// <summary>Writes the protagonist to <paramref name="path"/> when the study designs environments; false otherwise.</summary>
    public static async Task<bool> TryWriteAsync(IStudyClient client, StudySummary summary, long? trial, string path, bool json, CancellationToken cancellationToken)
    {
        if (!PairedStudy.IsEnvironmentDesign(summary))
        {
            return false;
        }

        if (trial is not null)
        {
            throw new CliException($"--trial: study {summary.StudyId} ({summary.Algorithm}) exports its protagonist as last evaluated; drop --trial.", ExitCodes.InvalidInput);
        }

        var (package, bytes) = await ReadAsync(client, summary, cancellationToken);
        OutputFile.EnsureWritable(path, "--out");
        try
        {
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--out {path} cannot be written: {ex.Message}", ExitCodes.InvalidInput);
        }

        if (json)
        {
            JsonOutput.Write(new { study = summary.StudyId, @out = path, size = package.Size.Name, round = package.Round, method = package.Method });
        }
        else
        {
            Console.WriteLine($"Exported the protagonist of study {summary.StudyId} ({package.Method}, {package.Size.Name} grid, saved at round {package.Round}) to {path}; play it with: nas play {summary.StudyId} --level NAME");
        }

        return true;
    }
}
