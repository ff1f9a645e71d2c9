using System.CommandLine;
using System.Globalization;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Hosting;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas bench asktell --server URL</c>: ask/tell throughput and latency over HTTP/JSON or gRPC with 1, 8 and 64
/// concurrent workers (a zero-cost objective), beside <c>nas bench throughput</c>'s in-process figure.
/// </summary>
internal static class AskTellBenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var transport = new Option<string>("--transport") { Description = "http (JSON transcoding) or grpc (default: http).", DefaultValueFactory = _ => "http" };
        var workers = new Option<string>("--workers") { Description = "Concurrent workers, comma-separated (default: 1,8,64).", DefaultValueFactory = _ => "1,8,64" };
        var trials = new Option<int>("--trials") { Description = "Trials per worker count (default 2000).", DefaultValueFactory = _ => 2000 };
        var inProcess = new Option<int>("--in-process-trials") { Description = "Trials of the in-process `nas bench throughput` run printed beside (default 20000, as that command's; 0: skip).", DefaultValueFactory = _ => 20_000 };
        var command = new Command("asktell", "Ask/tell trials per second and SuggestTrials/CompleteTrial latency against the service (--server), per worker count.") { transport, workers, trials, inProcess };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            var server = settings.Server ?? throw new CliException("nas bench asktell measures the service: pass --server URL (start one with `nas serve`) and the key in $NAS_API_KEY or --api-key-file.", ExitCodes.InvalidInput);
            var count = result.GetValue(trials);
            if (count is < 1 or > 1_000_000)
            {
                throw new CliException("--trials must be between 1 and 1000000.", ExitCodes.InvalidInput);
            }

            var counts = ParseWorkers(result.GetValue(workers)!);
            var local = result.GetValue(inProcess);
            if (local is < 0 or > 1_000_000)
            {
                throw new CliException("--in-process-trials must be between 0 (skip) and 1000000.", ExitCodes.InvalidInput);
            }
            var key = ServiceApiKey.Read(settings.ApiKeyFile);
            await using var wire = result.GetValue(transport) switch
            {
                "http" => (IAskTellTransport)new HttpAskTellTransport(HttpStudyClient.CreateHttpClient(server, key)),
                "grpc" => GrpcAskTellTransport.Open(server, key),
                var other => throw new CliException($"--transport {other} is not known; use http or grpc.", ExitCodes.InvalidInput),
            };
            var figures = new List<AskTellBenchResult>();
            foreach (var w in counts)
            {
                var figure = await AskTellBenchRunner.RunAsync(wire, w, count, ct);
                figures.Add(figure);
                if (!settings.Json)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{figure.Transport} {figure.Workers,3} workers: {figure.Trials} trials in {figure.Seconds:0.00} s = {figure.TrialsPerSecond:0} trials/s; SuggestTrials p50 {figure.SuggestP50:0.00} ms p99 {figure.SuggestP99:0.00} ms; CompleteTrial p50 {figure.CompleteP50:0.00} ms p99 {figure.CompleteP99:0.00} ms ({figure.EmptySuggests} empty suggests)"));
                }
            }

            double? inProcessRate = null;
            if (local > 0)
            {
                var directory = Path.Combine(Path.GetTempPath(), $"nas-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
                try
                {
                    inProcessRate = local / await ThroughputBenchCommand.MeasureAsync(local, StoreKind.Memory, directory, 4, null, null, ct);
                }
                finally
                {
                    if (Directory.Exists(directory))
                    {
                        Directory.Delete(directory, recursive: true);
                    }
                }
            }

            if (settings.Json)
            {
                JsonOutput.Write(new
                {
                    server,
                    transport = wire.Name,
                    results = figures.Select(f => new
                    {
                        workers = f.Workers, trials = f.Trials, seconds = f.Seconds, trials_per_second = f.TrialsPerSecond,
                        suggest_p50_ms = f.SuggestP50, suggest_p99_ms = f.SuggestP99, complete_p50_ms = f.CompleteP50, complete_p99_ms = f.CompleteP99,
                        empty_suggests = f.EmptySuggests,
                    }).ToList(),
                    in_process = inProcessRate is { } r ? new { command = "nas bench throughput --store memory --slots 4", trials = local, trials_per_second = r } : null,
                });
            }
            else
            {
                Console.WriteLine(inProcessRate is { } r
                    ? string.Create(CultureInfo.InvariantCulture, $"in process (`nas bench throughput --trials {local}`, memory store, 4 slots): {r:0} trials/s")
                    : "in process: run `nas bench throughput` for the grain path without the service.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static int[] ParseWorkers(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var counts = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1024 ? n : -1).ToArray();
        return counts.Length > 0 && counts.All(n => n > 0)
            ? counts
            : throw new CliException($"--workers '{text}' is not a list of worker counts; give whole numbers from 1 to 1024 separated by commas, e.g. 1,8,64.", ExitCodes.InvalidInput);
    }
}
