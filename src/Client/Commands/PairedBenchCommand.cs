using System.CommandLine;
using System.Globalization;
using NasOrleans.Client.Output;
using NasOrleans.Core.Paired;
using NasOrleans.Core.Strategies;
using NasOrleans.Training.Paired;
using static NasOrleans.Client.Commands.BenchChecks;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas bench paired</c>: PAIRED against its baselines (minimax, domain randomization) on one grid, several seeds
/// each with the same student steps; each (method, seed) is a piece written to <c>--out</c> and skipped when there
/// (resumable, and two processes can share the folder). Prints the transfer table (mean and 95% interval over seeds)
/// and the curriculum, and plots the curriculum curves.
/// </summary>
internal static class PairedBenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var output = new Option<string>("--out") { Description = "The folder of the pieces (one JSON file per method and seed), summary.md and the plots; finished pieces are skipped.", DefaultValueFactory = _ => "bench-paired" };
        var methods = new Option<string>("--methods") { Description = "Methods, comma-separated (default paired,minimax,domain-randomization).", DefaultValueFactory = _ => "paired,minimax,domain-randomization" };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per method (default 5).", DefaultValueFactory = _ => 5 };
        var size = new Option<string>("--size") { Description = "The grid: mini, medium or full (default mini).", DefaultValueFactory = _ => "mini" };
        var walls = new Option<int>("--walls") { Description = "Walls per level (default: the size's budget)." };
        var rounds = new Option<int>("--rounds") { Description = "Rounds per run (default 150).", DefaultValueFactory = _ => 150 };
        var parameters = new Option<string[]>("--param") { Description = "An algorithm parameter as name=value (repeatable): envs, rollout_steps, learning_rate, epochs, entropy_coefficient, eval_every, ...", AllowMultipleArgumentsPerToken = false };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (default 1: run two benches side by side on 2 cores).", DefaultValueFactory = _ => 1 };
        var command = new Command("paired", "PAIRED, minimax and domain randomization on one grid over seeds: zero-shot solved rate per held-out level and the emergent curriculum.")
        {
            output, methods, seeds, size, walls, rounds, parameters, threads,
        };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            var chosen = result.GetValue(methods)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
            Check(chosen.Count > 0 && chosen.All(PairedAlgorithms.Is), $"--methods: use {PairedAlgorithms.Paired}, {PairedAlgorithms.Minimax} and/or {PairedAlgorithms.DomainRandomization}; got '{result.GetValue(methods)}'.");
            Check(result.GetValue(seeds) is >= 1 and <= 20, "--seeds must be 1 to 20.");
            Check(result.GetValue(rounds) is >= 1 and <= 100_000, "--rounds must be 1 to 100000.");
            Check(result.GetValue(threads) is >= 1 and <= 256, "--threads must be 1 to 256.");
            GridSize grid;
            try
            {
                grid = GridSize.Parse(result.GetValue(size)!);
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"--size: {ex.Message}", ExitCodes.InvalidInput);
            }

            var wallCount = result.GetValue(walls) is > 0 and var w ? w : grid.MaxWalls;
            var options = Options(result.GetValue(parameters) ?? []);
            var directory = Directory.CreateDirectory(result.GetValue(output)!).FullName;
            TorchSharp.torch.set_num_threads(result.GetValue(threads));
            var pieces = new BenchPieces(directory, line => Log(settings.Json, line));
            var results = new List<PairedExperimentResult>();
            foreach (var method in chosen)
            {
                for (var s = 1; s <= result.GetValue(seeds); s++)
                {
                    var run = new PairedRoundSettings(PairedAlgorithms.MethodOf(method), grid, wallCount, options, (ulong)s);
                    if (run.Problem() is { } problem)
                    {
                        throw new CliException(problem, ExitCodes.InvalidInput);
                    }

                    var name = string.Create(CultureInfo.InvariantCulture, $"{grid.Name}-{method}-seed{s}.json");
                    results.Add(await pieces.GetOrRunAsync(
                        name,
                        () => Task.Run(() => PairedExperiment.Run(method, run, result.GetValue(rounds), line => Log(settings.Json, line), ct), ct),
                        r => string.Create(CultureInfo.InvariantCulture, $"{method} seed {s}: {r.Seconds:F0} s, held-out mean {(r.Transfer.Count == 0 ? double.NaN : r.Transfer.Values.Average()):F3}"),
                        () => $"{method} seed {s}: done before ({Path.Combine(directory, name)})"));
                }
            }

            var summary = PairedBenchSummary.Markdown(grid, wallCount, result.GetValue(rounds), options, results);
            var files = PairedBenchSummary.Plots(results, directory);
            await File.WriteAllTextAsync(Path.Combine(directory, "summary.md"), summary, ct);
            if (settings.Json)
            {
                JsonOutput.Write(new { @out = directory, pieces = results.Count, summary, files });
            }
            else
            {
                Console.WriteLine(summary);
                files.ForEach(f => Console.WriteLine($"  {f}"));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static PairedOptions Options(IEnumerable<string> pairs)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            Check(eq > 0, $"--param '{pair}' is not name=value.");
            given[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        try
        {
            return PairedOptions.From(new ResolvedParameters(PairedOptions.Parameters, given));
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"--param: {ex.Message}", ExitCodes.InvalidInput);
        }
    }
}
