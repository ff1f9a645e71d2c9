using NasOrleans.Core.WeightSharing;
using NasOrleans.Training.Supernets.Search;
using static NasOrleans.Training.Tests.Supernets.Search.SupernetSearchSamples;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Supernets.Search;

public class SupernetSearchJobValidationTests
{
    [Fact]
    public async Task RunAsync_ValidationPass_LeavesNoTraceInBatchNormStatistics()
    {
        // One domain, one step, the whole training part as the batch (so its order cannot matter) and no op warmup:
        // the running statistics after the step are those of one training-mode pass over the training part.
        var train = Part("d0/train", 4, 40, 10);
        var domain = new SupernetSearchDomain("d0", train, Part("d0/validation", 4, 96, 20));
        var settings = Settings(totalSteps: 1) with { BatchSizes = [40], Schedule = new TunasSchedule(0.25, 0) };
        var controllers = new FakeSupernetControllers(Space, 1, 1);
        using var searched = Create(1, 4);
        using (var job = new SupernetSearchJob(searched, [domain], controllers.View(), new MemorySupernetCheckpoints(), settings))
        {
            await job.RunAsync(CancellationToken.None);
        }

        using var expected = Create(1, 4);
        expected.train();
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            expected.forward(train.Features, controllers.Given(0, 0), 0);
        }

        var actual = searched.state_dict();
        var buffers = expected.state_dict().Where(e => e.Key.Contains("running", StringComparison.Ordinal) || e.Key.Contains("batches", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(buffers);
        foreach (var (name, value) in buffers)
        {
            Assert.True(MaxAbsDifference(value, actual[name]) < 1e-5, $"{name} differs by {MaxAbsDifference(value, actual[name])}");
        }
    }
}
