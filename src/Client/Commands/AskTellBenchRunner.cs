using System.Diagnostics;
using System.Globalization;

namespace NasOrleans.Client.Commands;

/// <summary>
/// Runs <c>nas bench asktell</c>'s loop: W concurrent workers ask for one trial, tell a zero-cost result, and ask again
/// until the study (N trials, a fresh one per worker count) is done; times every SuggestTrials and CompleteTrial.
/// </summary>
internal static class AskTellBenchRunner
{
    private static readonly Dictionary<string, double> Zero = new(StringComparer.Ordinal) { ["accuracy"] = 0.5 };

    public static string Spec(string name, int trials, int workers) => global::System.Text.Json.JsonSerializer.Serialize(new
    {
        name,
        objective = new { metric = "accuracy", goal = "maximize" },
        space = new { kind = "custom", decisions = new[] { new { name = "x", type = "float", min = 0.0, max = 1.0 } } },
        algorithm = new { name = "random", seed = 1 },
        trainer = new { kind = "external" },
        budget = new { max_trials = trials, parallel_trials = Math.Clamp(workers, 1, 10_000) },
    });

    public static async Task<AskTellBenchResult> RunAsync(IAskTellTransport transport, int workers, int trials, CancellationToken cancellationToken)
    {
        var name = $"bench-asktell-{transport.Name}-w{workers}-{Guid.NewGuid():N}"[..40];
        var study = await transport.CreateStudyAsync(Spec(name, trials, workers), cancellationToken);
        var suggest = new List<double>[workers];
        var complete = new List<double>[workers];
        var empty = new int[workers];
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            suggest[w] = [];
            complete[w] = [];
            var client = string.Create(CultureInfo.InvariantCulture, $"bench-{w}");
            while (true)
            {
                var t0 = Stopwatch.GetTimestamp();
                var (lease, done) = await transport.SuggestAsync(study, client, cancellationToken);
                suggest[w].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if (lease is null)
                {
                    if (done)
                    {
                        return;
                    }

                    empty[w]++;
                    await Task.Delay(2, cancellationToken);
                    continue;
                }

                var t1 = Stopwatch.GetTimestamp();
                if (!await transport.CompleteAsync(study, lease, Zero, cancellationToken))
                {
                    throw new CliException($"the service did not accept trial {lease.TrialId}'s result under its own fresh lease; the bench expects every completion to be taken.");
                }

                complete[w].Add(Stopwatch.GetElapsedTime(t1).TotalMilliseconds);
            }
        }, cancellationToken)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await transport.DeleteStudyAsync(study, cancellationToken);
        var s = suggest.SelectMany(x => x).Order().ToArray();
        var c = complete.SelectMany(x => x).Order().ToArray();
        if (c.Length != trials)
        {
            throw new CliException($"the bench's study took {c.Length} results; expected {trials}.");
        }

        return new AskTellBenchResult(transport.Name, workers, trials, seconds, trials / seconds, Percentile(s, 0.50), Percentile(s, 0.99), Percentile(c, 0.50), Percentile(c, 0.99), empty.Sum());
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
