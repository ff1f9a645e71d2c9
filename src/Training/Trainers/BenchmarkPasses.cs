using NasOrleans.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Trainers;

/// <summary>Bare TorchSharp training and inference passes over consecutive batches, timed.</summary>
internal static class BenchmarkPasses
{
    /// <summary>Runs <paramref name="batches"/> Adam steps (untimed; a warmup).</summary>
    public static void Train(nn.Module<Tensor, Tensor> module, Dataset data, Device device, int batchSize, int batches, CancellationToken cancellationToken) =>
        Run(module, data, device, batchSize, -batches, 0, training: true, cancellationToken);

    /// <summary>Training samples per second of a bare loop: Adam, cross-entropy, the loss read back every batch, as a plain TorchSharp loop does.</summary>
    public static double MeasureTrain(nn.Module<Tensor, Tensor> module, Dataset data, Device device, TrainingBenchmarkOptions options, CancellationToken cancellationToken) =>
        Run(module, data, device, options.BatchSize, -options.WarmupBatches, Batches(options.TrainSamples, options.BatchSize), training: true, cancellationToken);

    /// <summary>Inference samples per second: forward passes in evaluation mode without gradients.</summary>
    public static double Infer(nn.Module<Tensor, Tensor> module, Dataset data, Device device, TrainingBenchmarkOptions options, CancellationToken cancellationToken) =>
        Run(module, data, device, options.BatchSize, -options.WarmupBatches, Batches(options.InferSamples, options.BatchSize), training: false, cancellationToken);

    private static int Batches(int samples, int batchSize) => Math.Max(1, (samples + batchSize - 1) / batchSize);

    private static double Run(nn.Module<Tensor, Tensor> module, Dataset data, Device device, int batchSize, int first, int timed, bool training, CancellationToken cancellationToken)
    {
        var batch = Math.Min(batchSize, data.Count);
        var span = Math.Max(1, data.Count - batch + 1);
        module.train(training);
        using var optimizer = optim.Adam(module.parameters(), 1e-3);
        using var grad = torch.set_grad_enabled(training);
        var time = TimeProvider.System;
        var start = time.GetTimestamp();
        for (var i = first; i < timed; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i == 0)
            {
                Synchronize(device);
                start = time.GetTimestamp();
            }

            using var scope = NewDisposeScope();
            var offset = (int)((long)(i - first) * batch % span);
            var x = data.Features.narrow(0, offset, batch).to(device);
            var logits = module.forward(x);
            if (training)
            {
                var y = data.Labels.narrow(0, offset, batch).to(device);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(logits, y);
                loss.backward();
                optimizer.step();
                _ = loss.item<float>();
            }
        }

        Synchronize(device);
        var seconds = time.GetElapsedTime(start).TotalSeconds;
        module.train();
        return timed <= 0 || seconds <= 0 ? 0 : (double)timed * batch / seconds;
    }

    private static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.synchronize(device);
        }
    }
}
