namespace NasOrleans.Training.Trainers;

/// <summary>Measured training and inference speed of one model.</summary>
/// <param name="Name">The model: <c>{kind}-small|medium|large</c> (through <c>TrainingLoop</c>), <c>loop-mlp-…</c>, or <c>baseline-…</c> (a bare TorchSharp loop).</param>
/// <param name="TrainSamplesPerSecond">Training samples per second (forward, backward, optimizer step).</param>
/// <param name="InferSamplesPerSecond">Samples per second of forward passes in evaluation mode without gradients.</param>
/// <param name="Params">The model's trainable parameters.</param>
public sealed record ThroughputRecord(string Name, double TrainSamplesPerSecond, double InferSamplesPerSecond, long Params);
