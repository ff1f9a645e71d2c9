using NasOrleans.Training.Data;
using NasOrleans.Training.Loop;

namespace NasOrleans.Training.Trainers;

/// <summary>What a <see cref="TorchTrainer"/> trains on and how.</summary>
/// <param name="Dataset">The dataset and its split.</param>
/// <param name="Training">The training settings.</param>
/// <param name="Device">The device: auto (CUDA when available), cpu, cuda or cuda:N.</param>
public sealed record TorchTrainerOptions(DatasetRequest Dataset, TrainingSettings Training, string Device = "auto")
{
    /// <summary>Lists every problem of the options (empty when valid), each naming the parameter.</summary>
    public IReadOnlyList<string> Validate()
    {
        ArgumentNullException.ThrowIfNull(Dataset);
        ArgumentNullException.ThrowIfNull(Training);
        var problems = new List<string>(Dataset.Validate());
        problems.AddRange(Training.Validate());
        var device = Device?.Trim().ToLowerInvariant();
        if (device is not ("auto" or "cpu" or "cuda") && device?.StartsWith("cuda:", StringComparison.Ordinal) != true)
        {
            problems.Add($"device: '{Device}' is not one of auto, cpu, cuda, cuda:N");
        }

        return problems;
    }
}
