using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using Xunit.Abstractions;

namespace NasOrleans.Grains.Tests.Training;

[Collection(ClusterCollection.Name)]
public class ElasticTrainerTests(ClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task TrainerSilosJoiningARunningStudy_GetWorkAndRaiseTheCompletionRate()
    {
        // Trials take a fixed 250 ms, so the rate depends on the number of slots, not on this machine's two cores.
        var spec = new StudySpecBuilder("elastic")
            .Maximize("validation_accuracy")
            .AddInteger("x", 0, 99_999)
            .WithAlgorithm("random", seed: 9)
            .WithTrainer("synthetic", ("duration_ms", "250"))
            .WithBudget(400, parallel: 16)
            .Build();
        var study = fixture.Client.GetGrain<IStudyGrain>(spec.Name);
        Assert.True((await study.SubmitAsync(StudySpecJson.Serialize(spec))).Accepted);
        var before = await RateAsync(study, TimeSpan.FromSeconds(4));

        var joined = new[] { await fixture.Cluster.StartAdditionalSiloAsync(), await fixture.Cluster.StartAdditionalSiloAsync() };
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var after = await RateAsync(study, TimeSpan.FromSeconds(4));
            var trials = await study.GetTrialsAsync(new TrialQuery(0, 1000, TrialStatus.Completed));
            var newSilos = joined.Select(s => s.SiloAddress.ToString()).ToList();
            output.WriteLine($"completion rate with 4 slots: {before * 60:0} trials/min; after 2 trainer silos (4 more slots) joined: {after * 60:0} trials/min");

            Assert.Contains(trials, t => newSilos.Any(s => t.Trainer!.StartsWith(s, StringComparison.Ordinal)));
            Assert.True(after > before * 1.3, $"rate before {before:0.0}/s, after {after:0.0}/s");
        }
        finally
        {
            await study.CancelAsync();
            foreach (var silo in joined)
            {
                await fixture.Cluster.StopSiloAsync(silo);
            }
        }
    }

    private static async Task<double> RateAsync(IStudyGrain study, TimeSpan window)
    {
        var start = (await study.GetStatusAsync()).Completed;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(window);
        var end = (await study.GetStatusAsync()).Completed;
        return (end - start) / clock.Elapsed.TotalSeconds;
    }
}
