using System.Text.Json;
using NasOrleans.Core.Trainers;
using NasOrleans.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Export;

/// <summary>
/// Trained weights of trials on disk: <c>{root}/{study}/{trial}/weights.dat</c> (TorchSharp format) and
/// <c>model.json</c> (a <see cref="ModelDescription"/>).
/// </summary>
public static class ArtifactStore
{
    /// <summary>The weights file name.</summary>
    public const string WeightsFile = "weights.dat";

    /// <summary>The description file name.</summary>
    public const string DescriptionFile = "model.json";

    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The folder of a trial's artifacts.</summary>
    public static string TrialDirectory(string root, string study, long trial) =>
        Path.Combine(root, study, trial.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Saves a trained module and its description (written to a temporary folder, then moved, so readers never see half of it).</summary>
    public static void Save(string root, TrainingRequest request, nn.Module<Tensor, Tensor> module, DatasetSplit split, TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(outcome);
        var target = TrialDirectory(root, request.StudyId, request.TrialId);
        var staging = target + ".tmp-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        module.save(Path.Combine(staging, WeightsFile));
        var description = new ModelDescription
        {
            Study = request.StudyId,
            Trial = request.TrialId,
            ArchitectureKey = request.Architecture.Key,
            Architecture = request.Space.Describe(request.Architecture),
            SpaceKind = request.Space.Kind,
            InputShape = [split.Shape.Channels, split.Shape.Height, split.Shape.Width],
            Classes = split.Classes,
            ClassNames = split.ClassNames,
            Dataset = split.Name,
            InputScale = split.Normalization?.Scale ?? 1,
            Mean = split.Normalization?.Mean ?? [0],
            Std = split.Normalization?.Std ?? [1],
            Metrics = outcome.Metrics,
        };
        File.WriteAllText(Path.Combine(staging, DescriptionFile), JsonSerializer.Serialize(description, Json));
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(staging, target);
    }

    /// <summary>Reads a trial's description, or null when it has no saved weights.</summary>
    public static ModelDescription? Describe(string root, string study, long trial)
    {
        var path = Path.Combine(TrialDirectory(root, study, trial), DescriptionFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<ModelDescription>(File.ReadAllText(path), Json) : null;
    }
}
