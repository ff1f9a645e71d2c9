using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Grains.Interfaces.Messages;
using Spectre.Console;

namespace NasOrleans.Client.Commands;

/// <summary>
/// Follows studies until they end: a live progress bar on a terminal, plain lines otherwise (stderr when JSON goes to
/// stdout), and each failed trial's error as it happens (stderr).
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<IReadOnlyList<StudySummary>> FollowAsync(IStudyClient client, IReadOnlyList<string> studyIds, bool json, CancellationToken cancellationToken)
    {
        if (!json && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            IReadOnlyList<StudySummary> last = [];
            var live = new FailureLog(client, line =>
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(line)}[/]");
                return Task.CompletedTask;
            });
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var tasks = studyIds.ToDictionary(id => id, id => context.AddTask(Markup.Escape(id)));
                    while (true)
                    {
                        last = await PollAsync(client, studyIds, cancellationToken);
                        foreach (var s in last)
                        {
                            await live.ReportAsync(s, cancellationToken);
                            var task = tasks[s.StudyId];
                            task.MaxValue = Math.Max(1, s.MaxTrials);
                            task.Value = s.Completed + s.Failed;
                            task.Description = Markup.Escape(s.BestScore is { } b ? $"{s.StudyId} best {StudyView.Number(Math.Abs(b))}" : s.StudyId);
                            if (s.Status != StudyStatus.Running)
                            {
                                task.StopTask();
                            }
                        }

                        if (last.All(s => s.Status != StudyStatus.Running))
                        {
                            return;
                        }

                        await Task.Delay(PollInterval, cancellationToken);
                    }
                });
            return last;
        }

        var writer = json ? Console.Error : Console.Out;
        var failures = new FailureLog(client, Console.Error.WriteLineAsync);
        var printed = new Dictionary<string, string>();
        var lastPrint = DateTimeOffset.MinValue;
        while (true)
        {
            var summaries = await PollAsync(client, studyIds, cancellationToken);
            foreach (var s in summaries)
            {
                await failures.ReportAsync(s, cancellationToken);
            }

            var done = summaries.All(s => s.Status != StudyStatus.Running);
            if (DateTimeOffset.UtcNow - lastPrint > TimeSpan.FromSeconds(2) || done)
            {
                foreach (var s in summaries)
                {
                    var line = StudyView.Progress(s);
                    if (!printed.TryGetValue(s.StudyId, out var before) || before != line)
                    {
                        await writer.WriteLineAsync(line);
                        printed[s.StudyId] = line;
                    }
                }

                lastPrint = DateTimeOffset.UtcNow;
            }

            if (done)
            {
                return summaries;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<StudySummary>> PollAsync(IStudyClient client, IReadOnlyList<string> studyIds, CancellationToken cancellationToken)
    {
        var result = new List<StudySummary>();
        foreach (var id in studyIds)
        {
            result.Add(await client.GetStudyAsync(id, cancellationToken)
                ?? throw new CliException($"Study '{id}' disappeared (deleted?).", ExitCodes.NotFound));
        }

        return result;
    }
}
