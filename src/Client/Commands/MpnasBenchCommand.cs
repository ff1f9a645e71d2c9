using System.CommandLine;
using System.Globalization;
using NasOrleans.Client.Output;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Data;
using NasOrleans.Training.Supernets.MultiPath;
using NasOrleans.Training.Supernets.Search;
using static NasOrleans.Client.Commands.BenchChecks;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas bench mpnas</c>: MPNAS's comparison on three domains (Fashion-MNIST, MNIST, sklearn's digits upsampled to
/// 28x28): a bundle of per-domain TuNAS models, a single shared path with a head per domain, MPNAS with the plain sum
/// and MPNAS with ABDP, each seed of each row a piece written to <c>--out</c> and skipped when there (resumable).
/// </summary>
internal static class MpnasBenchCommand
{
    private static readonly (string Name, string Dataset, int Validation)[] Domains =
        [("fashion", "fashion-mnist", 1000), ("mnist", "mnist", 1000), ("digits", "upsampled:digits", 360)];

    public static Command Create(GlobalOptions global)
    {
        var output = new Option<string>("--out") { Description = "The folder of the pieces (one JSON file per row and seed) and summary.md; finished pieces are skipped.", DefaultValueFactory = _ => "bench-mpnas" };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per row (default 3).", DefaultValueFactory = _ => 3 };
        var steps = new Option<long>("--steps") { Description = "Search steps (each trains every domain one batch; default 600).", DefaultValueFactory = _ => 600 };
        var finalSteps = new Option<long>("--final-steps") { Description = "Final-training steps per row (default 600).", DefaultValueFactory = _ => 600 };
        var samples = new Option<int>("--train-samples") { Description = "Training images per domain (at most 10000; default 10000).", DefaultValueFactory = _ => 10_000 };
        var batch = new Option<int>("--batch") { Description = "Batch per domain (default 32).", DefaultValueFactory = _ => 32 };
        var target = new Option<double>("--cost-target") { Description = "The reward's parameter target (default 40000): per path for the bundle, for the whole multi-path model with --cost-scope model.", DefaultValueFactory = _ => 40_000 };
        var modelTarget = new Option<double?>("--model-cost-target") { Description = "The parameter target of the whole multi-path model in the shared, plain and ABDP rows with --cost-scope model (default 0.4 x domains x --cost-target: the absolute reward lands some 20 % over its target after a short search, so this keeps the model under half the bundle's budget)." };
        var scope = new Option<string>("--cost-scope") { Description = "model (default: the MPNAS rows' reward counts the multi-path model's unique parameters) or path (each domain's own path).", DefaultValueFactory = _ => "model" };
        var controllerRate = new Option<double>("--controller-lr") { Description = "The controllers' Adam learning rate (default TuNAS's 0.0048, set for searches of ~10^5 steps; shorter searches want more).", DefaultValueFactory = _ => new TunasOptions().LearningRate };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (default 2).", DefaultValueFactory = _ => 2 };
        var rows = new Option<string>("--rows") { Description = "Rows to run, comma-separated: bundle, shared, plain, abdp (default all).", DefaultValueFactory = _ => "bundle,shared,plain,abdp" };
        var command = new Command("mpnas", "MPNAS's table: a bundle, a shared path, MPNAS plain sum, MPNAS ABDP on three domains; unique params, FLOPs and test accuracy per domain.")
        {
            output, seeds, steps, finalSteps, samples, batch, target, modelTarget, scope, controllerRate, threads, rows,
        };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            var chosen = ParseRows(result.GetValue(rows)!);
            var (seedCount, trainSamples) = (result.GetValue(seeds), result.GetValue(samples));
            Check(seedCount is >= 1 and <= 10, "--seeds must be 1 to 10.");
            Check(trainSamples is >= 100 and <= 10_000, "--train-samples must be 100 to 10000 (the issue's size for 2 cores).");
            Check(result.GetValue(steps) is >= 1 and <= 100_000 && result.GetValue(finalSteps) is >= 1 and <= 100_000, "--steps and --final-steps must be 1 to 100000.");
            Check(result.GetValue(threads) is >= 1 and <= 256, "--threads must be 1 to 256.");
            Check(result.GetValue(controllerRate) is > 0 and <= 10, "--controller-lr must be in (0, 10].");
            Check(result.GetValue(scope) is "model" or "path", $"--cost-scope must be model or path; got '{result.GetValue(scope)}'.");
            var tunas = new TunasOptions { LearningRate = result.GetValue(controllerRate) };
            var directory = Directory.CreateDirectory(result.GetValue(output)!).FullName;
            var space = SpaceCatalog.Create(new SpaceSpec("mobile-cnn", new Dictionary<string, string>
            {
                ["stages"] = "3", ["max_depth"] = "2", ["blocks"] = "fused_ibn", ["kernels"] = "3,5", ["expansions"] = "1,2", ["widths"] = "16,24,32",
            }, []));
            MpnasExperiment.UseThreads(result.GetValue(threads));
            var data = Domains.Select(d => SupernetSearchDomain.Load(new DomainSpec(d.Name, d.Dataset, ValidationSize: d.Validation, MaxTrainSamples: trainSamples), DatasetCatalog.Default, new DatasetRequest(d.Dataset, d.Validation))).ToList();
            var search = new SupernetSearchSettings
            {
                TotalSteps = result.GetValue(steps),
                CheckpointEvery = (int)Math.Max(1, result.GetValue(steps) / 10),
                BatchSizes = [.. Domains.Select(_ => result.GetValue(batch))],
                CostTarget = result.GetValue(target),
                CostScope = result.GetValue(scope) == "path" ? SupernetCostScope.Path : SupernetCostScope.Model,
                Device = "cpu",
            };
            var joint = search.CostScope == SupernetCostScope.Model
                ? search with { CostTarget = result.GetValue(modelTarget) ?? 0.4 * Domains.Length * search.CostTarget }
                : search;
            Check(joint.CostTarget is >= 1 and <= 1e12, "--model-cost-target must be 1 to 1e12.");
            var pieces = new BenchPieces(directory, line => Log(settings.Json, line));
            var results = new List<MpnasRowResult>();
            foreach (var row in chosen)
            {
                for (var s = 1; s <= seedCount; s++)
                {
                    results.Add(await PieceAsync(pieces, directory, row, (ulong)s, () => MpnasExperiment.RunAsync(row, space, data, row == MpnasRow.Bundle ? search : joint, tunas, result.GetValue(finalSteps), (ulong)s, ct)));
                }
            }

            var summary = MpnasBenchSummary.Markdown(space, [.. Domains.Select(d => d.Name)], results);
            await File.WriteAllTextAsync(Path.Combine(directory, "summary.md"), summary, ct);
            if (settings.Json)
            {
                JsonOutput.Write(new { @out = directory, pieces = results.Count, summary });
            }
            else
            {
                Console.WriteLine(summary);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Task<MpnasRowResult> PieceAsync(BenchPieces pieces, string directory, MpnasRow row, ulong seed, Func<Task<MpnasRowResult>> run)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{row.ToString().ToLowerInvariant()}-seed{seed}.json");
        return pieces.GetOrRunAsync(
            name,
            run,
            result => string.Create(CultureInfo.InvariantCulture,
                $"{MpnasBenchSummary.Name(row)}, seed {seed}: search {result.SearchSeconds:F0} s, final {result.FinalSeconds:F0} s, mean test {result.Domains.Average(d => d.TestAccuracy):F2} %, {result.UniqueParameters:N0} params"),
            () => $"{MpnasBenchSummary.Name(row)}, seed {seed}: done before ({Path.Combine(directory, name)})");
    }

    private static List<MpnasRow> ParseRows(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => name switch
        {
            "bundle" => MpnasRow.Bundle,
            "shared" => MpnasRow.SharedPath,
            "plain" => MpnasRow.PlainSum,
            "abdp" => MpnasRow.Abdp,
            _ => throw new CliException($"--rows: unknown row '{name}'; the rows are bundle, shared, plain and abdp.", ExitCodes.InvalidInput),
        }).Distinct()];
}
