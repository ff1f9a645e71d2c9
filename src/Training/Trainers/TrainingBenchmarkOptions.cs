using NasOrleans.Core.Spaces;
using NasOrleans.Training.Data;

namespace NasOrleans.Training.Trainers;

/// <summary>What <see cref="TrainingBenchmark"/> measures and how much.</summary>
public sealed record TrainingBenchmarkOptions
{
    /// <summary>The space whose reference architectures (<see cref="ReferenceArchitectures"/>) are measured.</summary>
    public required SearchSpace Space { get; init; }

    /// <summary>The data the models train on (its shape and classes size the models).</summary>
    public required DatasetSplit Data { get; init; }

    /// <summary>Samples per batch (training and inference).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>libtorch CPU threads (process-wide) during the benchmark.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Training samples timed per model.</summary>
    public int TrainSamples { get; init; } = 8192;

    /// <summary>Inference samples timed per model.</summary>
    public int InferSamples { get; init; } = 8192;

    /// <summary>Untimed batches before each timing.</summary>
    public int WarmupBatches { get; init; } = 3;

    /// <summary>The cumulative counts of short trials after which memory is read (10 then 100: 100 trials in all); empty skips it.</summary>
    public IReadOnlyList<int> MemoryTrials { get; init; } = [10, 100];

    /// <summary>Training samples of each short trial (one epoch of the medium architecture through <c>TrainingLoop</c>).</summary>
    public int MemoryTrialSamples { get; init; } = 512;

    /// <summary>The device: auto, cpu, cuda or cuda:N.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Lists every problem (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Positive(string name, int value)
        {
            if (value < 1)
            {
                problems.Add($"{name}: {value} must be at least 1");
            }
        }

        Positive("batch_size", BatchSize);
        Positive("threads", Threads);
        Positive("train_samples", TrainSamples);
        Positive("infer_samples", InferSamples);
        Positive("memory_trial_samples", MemoryTrialSamples);
        if (WarmupBatches < 0)
        {
            problems.Add($"warmup_batches: {WarmupBatches} must be 0 or more");
        }

        if (MemoryTrials is null || MemoryTrials.Any(t => t < 1) || MemoryTrials.Zip(MemoryTrials.Skip(1)).Any(p => p.Second <= p.First))
        {
            problems.Add("memory_trials: give increasing counts of at least 1 (such as 10, 100)");
        }

        return problems;
    }
}
