using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

public class AdamOptimizerTests
{
    [Fact]
    public void Step_Quadratic_ConvergesToTheMinimum()
    {
        var adam = new AdamOptimizer(2, 0.1);
        double[] x = [3, -2];
        for (var i = 0; i < 500; i++)
        {
            adam.Step(x, [2 * (x[0] - 1), 2 * (x[1] + 1)]);
        }

        Assert.Equal(1, x[0], 2);
        Assert.Equal(-1, x[1], 2);
        Assert.Equal(500, adam.Steps);
    }

    [Fact]
    public void Step_FirstStep_MovesEachParameterByTheLearningRate()
    {
        var adam = new AdamOptimizer(2, 0.01);
        double[] x = [0, 0];
        adam.Step(x, [5, -0.001]);
        Assert.Equal(-0.01, x[0], 6);
        Assert.Equal(0.01, x[1], 6);
    }

    [Fact]
    public void Restore_MidRun_ContinuesIdentically()
    {
        var a = new AdamOptimizer(1, 0.05);
        double[] x = [4];
        for (var i = 0; i < 10; i++)
        {
            a.Step(x, [x[0]]);
        }

        var b = new AdamOptimizer(1, 0.05);
        b.Restore(a.Save());
        double[] y = [x[0]];
        a.Step(x, [x[0]]);
        b.Step(y, [y[0]]);
        Assert.Equal(x[0], y[0]);
    }

    [Fact]
    public void Step_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new AdamOptimizer(2, 0.1).Step([1.0], [1.0]));
}
