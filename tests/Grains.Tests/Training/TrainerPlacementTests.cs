using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Tests.Training;

[Collection(ClusterCollection.Name)]
public class TrainerPlacementTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Trials_OneControlAndTwoTrainerSilos_AllTrainOnTrainerSilos()
    {
        var silos = fixture.Cluster.Silos;
        Assert.Equal(3, silos.Count);
        var control = silos.Single(s => s.Name == fixture.ControlSiloName).SiloAddress.ToString();
        var trainers = silos.Where(s => s.Name != fixture.ControlSiloName).Select(s => s.SiloAddress.ToString()).ToList();
        var spec = new StudySpecBuilder("placement")
            .Maximize("validation_accuracy")
            .AddInteger("x", 0, 9999)
            .WithAlgorithm("random", seed: 4)
            .WithTrainer("synthetic", ("duration_ms", "10"))
            .WithBudget(60, parallel: 4)
            .Build();
        var study = fixture.Client.GetGrain<IStudyGrain>(spec.Name);
        Assert.True((await study.SubmitAsync(StudySpecJson.Serialize(spec))).Accepted);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await study.GetStatusAsync()).Status == StudyStatus.Running)
        {
            await Task.Delay(20, timeout.Token);
        }

        var trials = await study.GetTrialsAsync(new TrialQuery(0, 1000));

        Assert.Equal(60, trials.Count(t => t.Status == TrialStatus.Completed));
        Assert.All(trials, t => Assert.False(t.Trainer!.StartsWith(control, StringComparison.Ordinal), $"trial {t.TrialId} trained on the control silo"));
        Assert.All(trials, t => Assert.Contains(trainers, silo => t.Trainer!.StartsWith(silo, StringComparison.Ordinal)));
    }
}
