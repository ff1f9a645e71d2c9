using NasOrleans.Training.Models;
using static NasOrleans.Training.Tests.Models.ArchitectureSamples;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Models;

public class LatencyMeterTests
{
    [Fact]
    public void Measure_SmallMobileCnn_ReturnsPositiveFiniteMillisecondsAndRestoresTrainingMode()
    {
        var space = MobileCnn(stages: 1);
        var input = new InputShape(1, 28, 28);
        using var model = ModelBuilder.Build(space, MobileOf(space, "1 dw_ibn 3 3 16"), input, 10);

        var milliseconds = LatencyMeter.Measure(model, input, CPU, warmup: 1, repeats: 4);

        Assert.True(milliseconds > 0 && double.IsFinite(milliseconds), $"latency {milliseconds} ms");
        Assert.True(model.training);
    }

    [Fact]
    public void Measure_TabularMlp_ReturnsPositiveFiniteMilliseconds()
    {
        var space = Mlp();
        var input = new InputShape(20, 1, 1);
        using var model = ModelBuilder.Build(space, MlpOf(space, 32), input, 2);

        var milliseconds = LatencyMeter.Measure(model, input, CPU, warmup: 0, repeats: 3);

        Assert.True(milliseconds > 0 && double.IsFinite(milliseconds), $"latency {milliseconds} ms");
    }

    [Fact]
    public void Measure_NoRepeats_Throws()
    {
        var space = Mlp();
        using var model = ModelBuilder.Build(space, MlpOf(space, 8), new InputShape(4, 1, 1), 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyMeter.Measure(model, new InputShape(4, 1, 1), CPU, repeats: 0));
    }
}
