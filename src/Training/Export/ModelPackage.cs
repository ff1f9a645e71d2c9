using System.IO.Compression;
using System.Text.Json;

namespace NasOrleans.Training.Export;

/// <summary>An exported model: one zip file holding <c>model.json</c> (with the study's spec) and <c>weights.dat</c>.</summary>
public static class ModelPackage
{
    /// <summary>Writes the package of a trial's artifacts, adding the study's spec to the description.</summary>
    public static void Write(string artifactRoot, string study, long trial, string specJson, string outputPath)
    {
        var description = ArtifactStore.Describe(artifactRoot, study, trial)
            ?? throw new FileNotFoundException($"Trial {trial} of study '{study}' has no saved weights under {artifactRoot}: only the study's best trials of trainers that produce weights (torch) keep them.");
        var weights = Path.Combine(ArtifactStore.TrialDirectory(artifactRoot, study, trial), ArtifactStore.WeightsFile);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var staging = outputPath + ".tmp";
        using (var zip = ZipFile.Open(staging, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry(ArtifactStore.DescriptionFile);
            using (var stream = entry.Open())
            {
                JsonSerializer.Serialize(stream, description with { Spec = specJson }, ArtifactStore.Json);
            }

            zip.CreateEntryFromFile(weights, ArtifactStore.WeightsFile);
        }

        File.Move(staging, outputPath, overwrite: true);
    }
}
