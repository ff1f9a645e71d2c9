using System.CommandLine;
using NasOrleans.Client.Output;
using static NasOrleans.Client.Commands.BenchChecks;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas bench tunas</c>: TuNAS on Fashion-MNIST: one-shot vs stand-alone ranking of random architectures and the
/// argmax, the argmax against the random ones, equal-compute random search, REINFORCE and evolution, cost targets with
/// the absolute and MnasNet rewards, and ablations without op warmup and without RL delay; each search, stand-alone
/// training and strategy a piece written to <c>--out</c> and skipped when there (resumable).
/// </summary>
internal static class TunasBenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var defaults = new TunasBenchSettings();
        var output = new Option<string>("--out") { Description = "The folder of the pieces (one JSON file per search, stand-alone training and strategy), summary.md and the plots; finished pieces are skipped.", DefaultValueFactory = _ => "bench-tunas" };
        var steps = new Option<long>("--steps") { Description = "Supernet search steps of each of the 8 searches (default 750).", DefaultValueFactory = _ => defaults.Steps };
        var epochs = new Option<int>("--epochs") { Description = "Epochs of each stand-alone training (default 1).", DefaultValueFactory = _ => defaults.Epochs };
        var archs = new Option<int>("--archs") { Description = "Random architectures of the ranking (default 30).", DefaultValueFactory = _ => defaults.Archs };
        var samples = new Option<int>("--train-samples") { Description = "Fashion-MNIST training images (at most 10000; default 10000).", DefaultValueFactory = _ => defaults.TrainSamples };
        var seed = new Option<ulong>("--seed") { Description = "The seed of the architectures, searches, trainings and bootstrap (default 1).", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (default 2).", DefaultValueFactory = _ => defaults.Threads };
        var batch = new Option<int>("--batch") { Description = "The supernet's training batch (default 64; the reward's validation batch is 4x).", DefaultValueFactory = _ => defaults.Batch };
        var controllerRate = new Option<double>("--controller-lr") { Description = "The controller's Adam learning rate (default 0.05: TuNAS's 0.0048 is set for ~10^5 steps).", DefaultValueFactory = _ => defaults.ControllerLearningRate };
        var command = new Command("tunas", "TuNAS on Fashion-MNIST: one-shot vs stand-alone ranking (Kendall tau, Spearman rho, bootstrap intervals), equal-compute baselines, cost targets, ablations.")
        {
            output, steps, epochs, archs, samples, seed, threads, batch, controllerRate,
        };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var json = global.Read(result).Json;
            var settings = new TunasBenchSettings
            {
                Steps = result.GetValue(steps),
                Epochs = result.GetValue(epochs),
                Archs = result.GetValue(archs),
                TrainSamples = result.GetValue(samples),
                Seed = result.GetValue(seed),
                Threads = result.GetValue(threads),
                Batch = result.GetValue(batch),
                ControllerLearningRate = result.GetValue(controllerRate),
            };
            var (summary, directory, pieces) = await RunAsync(settings, result.GetValue(output)!, line => Log(json, line), ct);
            if (json)
            {
                JsonOutput.Write(new { @out = directory, pieces_run = pieces.Run, pieces_reused = pieces.Reused, summary });
            }
            else
            {
                Console.WriteLine(summary);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Validates <paramref name="settings"/> (a <see cref="CliException"/> naming the option), runs the bench into
    /// <paramref name="output"/>, writes summary.md and the plots there; returns the summary, the folder and the pieces' counts.
    /// </summary>
    public static async Task<(string Summary, string Directory, BenchPieces Pieces)> RunAsync(TunasBenchSettings settings, string output, Action<string> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw new CliException(string.Join("\n", problems), ExitCodes.InvalidInput);
        }

        var directory = Directory.CreateDirectory(output).FullName;
        var runner = new TunasBenchRunner(settings, directory, log);
        var results = await runner.RunAsync(ct);
        var plots = TunasBenchPlots.Write(results, directory);
        var summary = TunasBenchSummary.Markdown(results, plots);
        await File.WriteAllTextAsync(Path.Combine(directory, "summary.md"), summary, ct);
        return (summary, directory, runner.Pieces);
    }
}
