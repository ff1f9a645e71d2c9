using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Tests.Studies;

[Collection(ClusterCollection.Name)]
public class StudyReminderTests(ClusterFixture fixture)
{
    [Fact]
    public async Task SubmitAsync_RunningStudy_HoldsAWakeReminderUntilItEnds()
    {
        var spec = new StudySpecBuilder("reminded")
            .Maximize("validation_accuracy")
            .AddInteger("x", 0, 9999)
            .WithAlgorithm("random", seed: 6)
            .WithTrainer("synthetic", ("duration_ms", "50"))
            .WithBudget(500, parallel: 2)
            .Build();
        var study = fixture.Client.GetGrain<IStudyGrain>(spec.Name);
        var table = fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredService<IReminderTable>();

        Assert.True((await study.SubmitAsync(StudySpecJson.Serialize(spec))).Accepted);
        var whileRunning = await table.ReadRow(study.GetGrainId(), "wake");
        var cancelled = await study.CancelAsync();
        var afterwards = await table.ReadRow(study.GetGrainId(), "wake");

        Assert.NotNull(whileRunning);
        Assert.Equal(StudyStatus.Cancelled, cancelled.Status);
        Assert.Null(afterwards);
    }
}
