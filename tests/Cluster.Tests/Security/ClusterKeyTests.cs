using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Hosting.Security;

namespace NasOrleans.Cluster.Tests.Security;

public sealed class ClusterKeyTests(ClusterKeyFixture fixture) : IClassFixture<ClusterKeyFixture>
{
    private static string Spec(string name, int trials, int durationMs) => StudySpecJson.Serialize(new StudySpecBuilder(name)
        .Maximize("validation_accuracy")
        .AddCategorical("a", ["0", "1", "2", "3", "4", "5"])
        .AddInteger("c", 1, 6)
        .WithAlgorithm("random", 1)
        .WithTrainer("synthetic", ("duration_ms", durationMs.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .WithBudget(trials, 2)
        .Build());

    private static IGrainFactory Grains(IHost client) => client.Services.GetRequiredService<IClusterClient>();

    [Fact]
    public async Task KeyedClient_RunsAStudyToTheEnd_SoSiloInternalCallsCarryTheKey()
    {
        using var client = await fixture.ConnectAsync(ClusterKey.FromFile(fixture.KeyFile));
        var study = Grains(client).GetGrain<IStudyGrain>("key-runs");

        Assert.True((await study.SubmitAsync(Spec("key-runs", 4, 0))).Accepted);
        var summary = await WaitAsync(study, s => s.Status != StudyStatus.Running);

        Assert.Equal((StudyStatus.Completed, 4), (summary.Status, summary.Completed));
        await client.StopAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ClientWithoutTheKey_CancelReportOrRead_IsRefusedAndChangesNothing(bool wrongKey)
    {
        using var owner = await fixture.ConnectAsync(fixture.Key);
        var name = wrongKey ? "key-wrong" : "key-plain";
        var study = Grains(owner).GetGrain<IStudyGrain>(name);
        Assert.True((await study.SubmitAsync(Spec(name, 30, 60_000))).Accepted);
        var running = await WaitAsync(study, s => s.Running > 0);
        var trial = (await study.GetTrialsAsync(new TrialQuery(0, 10, TrialStatus.Running))).First();
        using var intruder = await fixture.ConnectAsync(wrongKey ? ClusterKey.Generate() : null);
        var theirs = Grains(intruder).GetGrain<IStudyGrain>(name);
        var fake = new TrialReport([], [new TrialCompletion
        {
            LeaseId = Guid.NewGuid(),
            Task = new TrialTask(name, trial.TrialId, trial.ArchitectureKey, running.SpecHash),
            Succeeded = true,
            Metrics = new Dictionary<string, double> { ["validation_accuracy"] = 1.0 },
            Trainer = "intruder",
        }]);

        var cancel = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => theirs.CancelAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => theirs.RecordAsync(fake));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => theirs.GetStatusAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Grains(intruder).GetGrain<ISchedulerGrain>(0).GetSlotsAsync());

        Assert.Contains("without the cluster key", cancel.Message, StringComparison.Ordinal);
        var after = await study.GetStatusAsync();
        Assert.Equal(StudyStatus.Running, after.Status);
        Assert.DoesNotContain(await study.GetTrialsAsync(new TrialQuery(0, 100)), t => t.Trainer == "intruder");
        Assert.Null(after.BestScore);
        await study.CancelAsync();
        await intruder.StopAsync();
        await owner.StopAsync();
    }

    [Fact]
    public void Parse_ShortKey_NamesTheLengthAndHowToMakeOne()
    {
        var error = Assert.Throws<ArgumentException>(() => ClusterKey.Parse("short", "/tmp/k"));

        Assert.Contains("5 characters, shorter than 32", error.Message, StringComparison.Ordinal);
        Assert.Contains("/dev/urandom", error.Message, StringComparison.Ordinal);
    }

    private static async Task<StudySummary> WaitAsync(IStudyGrain study, Func<StudySummary, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var summary = await study.GetStatusAsync();
            if (done(summary))
            {
                return summary;
            }

            Assert.False(timeout.IsCancellationRequested, $"timed out: {summary.Status}, completed {summary.Completed}, running {summary.Running}");
            await Task.Delay(50);
        }
    }
}
