using System.CommandLine;
using System.Globalization;
using NasOrleans.Client.Output;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Spaces;
using NasOrleans.Training.Data;
using NasOrleans.Training.Trainers;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas bench train</c>: training and inference samples per second of three reference models of a space and of
/// bare TorchSharp baselines (MLP 784-256-10, a small CNN), and peak memory after 10 and 100 consecutive trials.
/// </summary>
internal static class TrainBenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var space = new Option<string>("--space") { Description = "mlp, mobile-cnn or nb201 (default mlp).", DefaultValueFactory = _ => "mlp" };
        var dataset = new Option<string>("--dataset") { Description = "The dataset (default fashion-mnist).", DefaultValueFactory = _ => "fashion-mnist" };
        var samples = new Option<int>("--samples") { Description = "Samples timed per model for training and for inference (default 8192).", DefaultValueFactory = _ => 8192 };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (default 2).", DefaultValueFactory = _ => 2 };
        var device = new Option<string>("--device") { Description = "cpu, cuda or auto (default cpu).", DefaultValueFactory = _ => "cpu" };
        var command = new Command("train", "Training and inference throughput of reference models, beside bare TorchSharp loops, and memory over 100 trials.") { space, dataset, samples, threads, device };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            SearchSpace searchSpace;
            try
            {
                searchSpace = SpaceCatalog.Create(new SpaceSpec(result.GetValue(space), new Dictionary<string, string>(), []));
            }
            catch (SpecValidationException ex)
            {
                throw new CliException($"--space: {ex.Errors[0].Message}", ExitCodes.InvalidInput);
            }

            var options = new TrainingBenchmarkOptions
            {
                Space = searchSpace,
                Data = DatasetCatalog.Default.Load(new DatasetRequest(result.GetValue(dataset)!)),
                TrainSamples = result.GetValue(samples),
                InferSamples = result.GetValue(samples),
                Threads = result.GetValue(threads),
                Device = result.GetValue(device)!,
            };
            if (options.Validate() is { Count: > 0 } problems)
            {
                throw new CliException(string.Join("; ", problems), ExitCodes.InvalidInput);
            }

            var report = await TrainingBenchmark.RunAsync(options, ct);
            var peak = report.Memory.Count > 0 ? report.Memory[^1].PeakMemoryMb : 0;
            if (settings.Json)
            {
                JsonOutput.Write(new
                {
                    space = searchSpace.Kind,
                    dataset = options.Data.Name,
                    device = report.Device,
                    threads = report.Threads,
                    models = report.Throughput.Select(t => new { name = t.Name, train_samples_per_second = t.TrainSamplesPerSecond, infer_samples_per_second = t.InferSamplesPerSecond, @params = t.Params }).ToList(),
                    peak_memory_mb = peak,
                    memory = report.Memory.Select(m => new { trials = m.Trials, peak_memory_mb = m.PeakMemoryMb, resident_memory_mb = m.ResidentMemoryMb }).ToList(),
                });
            }
            else
            {
                var f = CultureInfo.InvariantCulture;
                Console.WriteLine($"{searchSpace.Kind} on {options.Data.Name}, {report.Device}, {report.Threads} threads, batch {options.BatchSize}:");
                foreach (var t in report.Throughput)
                {
                    Console.WriteLine(string.Create(f, $"  {t.Name,-28} train {t.TrainSamplesPerSecond,10:0} samples/s   infer {t.InferSamplesPerSecond,10:0} samples/s   {t.Params,10} params"));
                }

                foreach (var m in report.Memory)
                {
                    Console.WriteLine(string.Create(f, $"  after {m.Trials,3} trials: peak memory {m.PeakMemoryMb:0} MB, resident {m.ResidentMemoryMb:0} MB"));
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
