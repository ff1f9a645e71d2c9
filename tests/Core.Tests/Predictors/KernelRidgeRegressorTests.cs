using NasOrleans.Core.Predictors;

namespace NasOrleans.Core.Tests.Predictors;

public class KernelRidgeRegressorTests
{
    private static double Gaussian(double[] a, double[] b) => Math.Exp(-((a[0] - b[0]) * (a[0] - b[0])));

    [Fact]
    public void Predict_TinyRidge_InterpolatesTheTrainingPoints()
    {
        var model = new KernelRidgeRegressor(Gaussian, 1e-9);
        double[] xs = [0, 1, 2.5, 4];
        double[] ys = [1, 3, -2, 0.5];
        for (var i = 0; i < xs.Length; i++)
        {
            model.Add([xs[i]], ys[i]);
        }

        for (var i = 0; i < xs.Length; i++)
        {
            Assert.Equal(ys[i], model.Predict([xs[i]]), 5);
        }
    }

    [Fact]
    public void Predict_LargeRidge_ShrinksTowardsTheMean()
    {
        var model = new KernelRidgeRegressor(Gaussian, 1e6);
        model.Add([0], 10);
        model.Add([5], 20);
        Assert.Equal(15, model.Predict([0]), 3);
    }

    [Fact]
    public void Predict_Empty_IsZero() => Assert.Equal(0, new KernelRidgeRegressor(Gaussian, 1).Predict([1]));

    [Fact]
    public void PredictFromKernel_EqualsPredict()
    {
        var model = new KernelRidgeRegressor(Gaussian, 0.1);
        model.Add([0], 1);
        model.Add([1], 2);
        model.Add([3], 0);
        double[] x = [1.7];
        var kernel = Enumerable.Range(0, model.Count).Select(i => model.KernelWith(i, x)).ToList();
        Assert.Equal(model.Predict(x), model.PredictFromKernel(kernel), 12);
    }

    [Fact]
    public void LowerClipQuantile_RaisesTheLowTargets()
    {
        var clipped = new KernelRidgeRegressor(Gaussian, 1e-9) { LowerClipQuantile = 0.5 };
        double[] ys = [10, -1000, 12, 11];
        for (var i = 0; i < ys.Length; i++)
        {
            clipped.Add([i * 10.0], ys[i]);
        }

        // The median target (sorted: -1000, 10, 11, 12 -> index 2 -> 11) is the floor.
        Assert.Equal(11, clipped.Predict([10.0]), 5);
        Assert.Equal(12, clipped.Predict([20.0]), 5);
    }

    [Fact]
    public void Add_NonFiniteTarget_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new KernelRidgeRegressor(Gaussian, 1).Add([0], double.NaN));
}
