using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Core.Tests.WeightSharing;

public class TunasAdamTests
{
    [Fact]
    public void Step_Beta1ZeroFirstBatch_MatchesTheHandComputedUpdate()
    {
        // Batch of two per-sample gradients: mean g = [3, 0], mean g^2 = [10, 1] (squares averaged, not the average squared).
        var adam = new TunasAdam(2, 0, 0.999, 1e-8);
        double[] x = [0, 0];
        adam.Step(x, [[2, -1], [4, 1]], 0.01);

        // v = 0.001 * [10, 1]; lr_t = 0.01 * sqrt(1 - 0.999) / (1 - 0^1); x -= lr_t * m / (sqrt(v) + eps).
        var lrT = 0.01 * Math.Sqrt(1 - 0.999);
        Assert.Equal(-lrT * 3 / (Math.Sqrt(0.001 * 10) + 1e-8), x[0], 15);
        Assert.Equal(-0.0094868320, x[0], 9);
        Assert.Equal(0, x[1]);
        Assert.Equal([3, 0], adam.FirstMoments);
        Assert.Equal(0.01, adam.SecondMoments[0], 15);
    }

    [Fact]
    public void Step_Beta1Zero_KeepsNoMomentumFromThePreviousStep()
    {
        var adam = new TunasAdam(1, 0, 0.999, 1e-8);
        double[] x = [0];
        adam.Step(x, [[5]], 0.1);
        adam.Step(x, [[-1]], 0.1);
        Assert.Equal([-1], adam.FirstMoments);
        Assert.Equal(2, adam.Steps);
    }

    [Fact]
    public void Step_SingleGradient_MovesByAboutTheLearningRate()
    {
        var adam = new TunasAdam(2, 0, 0.999, 1e-8);
        double[] x = [0, 0];
        adam.Step(x, [[5, -0.001]], 0.01);
        Assert.Equal(-0.01, x[0], 6);
        Assert.Equal(0.01, x[1], 4);
    }

    [Fact]
    public void Step_ZeroLearningRate_UpdatesMomentsButNotParameters()
    {
        var adam = new TunasAdam(1, 0, 0.999, 1e-8);
        double[] x = [1];
        adam.Step(x, [[2]], 0);
        Assert.Equal(1, x[0]);
        Assert.Equal(1, adam.Steps);
        Assert.Equal(0.004, adam.SecondMoments[0], 15);
    }

    [Fact]
    public void Restore_MidRun_ContinuesBitForBit()
    {
        var a = new TunasAdam(1, 0, 0.999, 1e-8);
        double[] x = [4];
        for (var i = 0; i < 10; i++)
        {
            a.Step(x, [[x[0]], [x[0] / 2]], 0.05);
        }

        var b = new TunasAdam(1, 0, 0.999, 1e-8);
        b.Restore(a.Save());
        double[] y = [x[0]];
        for (var i = 0; i < 10; i++)
        {
            a.Step(x, [[x[0]]], 0.05);
            b.Step(y, [[y[0]]], 0.05);
        }

        Assert.Equal(x[0], y[0]);
    }

    [Fact]
    public void Step_WrongGradientLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new TunasAdam(2, 0, 0.999, 1e-8).Step([0, 0], [[1]], 0.1));

    [Fact]
    public void Constructor_Beta1OutOfRange_ThrowsNamingIt() =>
        Assert.Equal("adam_beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new TunasAdam(1, 1, 0.999, 1e-8)).ParamName);
}
