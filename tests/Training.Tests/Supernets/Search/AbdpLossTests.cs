using NasOrleans.Training.Supernets.Search;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Supernets.Search;

public class AbdpLossTests
{
    [Fact]
    public void Total_FixedLossesWithAbdp_IsSumOfExpOfLossOverW()
    {
        double[] losses = [0.5, 1.0, 2.0];

        var total = AbdpLoss.Total(losses, 2.0);

        Assert.Equal(Math.Exp(0.25) + Math.Exp(0.5) + Math.Exp(1.0), total, 12);
    }

    [Fact]
    public void Total_FixedLossesWithoutAbdp_IsPlainSum()
    {
        Assert.Equal(3.5, AbdpLoss.Total([0.5, 1.0, 2.0], null), 12);
    }

    [Theory]
    [InlineData(0.7, 1.0)]
    [InlineData(2.3, 2.0)]
    [InlineData(1.1, 0.5)]
    public void Term_Backward_GradientIsExpOfLossOverWOverW(double value, double w)
    {
        using var scope = NewDisposeScope();
        var loss = tensor(value, ScalarType.Float64).requires_grad_();

        var term = AbdpLoss.Term(loss, w);
        term.backward();

        Assert.Equal(Math.Exp(value / w), term.item<double>(), 12);
        Assert.Equal(Math.Exp(value / w) / w, loss.grad!.item<double>(), 12);
        Assert.Equal(AbdpLoss.GradientWeight(value, w), loss.grad!.item<double>(), 12);
    }

    [Fact]
    public void Term_WithoutAbdp_GradientIsOne()
    {
        using var scope = NewDisposeScope();
        var loss = tensor(1.7, ScalarType.Float64).requires_grad_();

        AbdpLoss.Term(loss, null).backward();

        Assert.Equal(1.0, loss.grad!.item<double>(), 12);
    }

    [Fact]
    public void GradientWeight_LargeW_TendsToPlainSumOverW()
    {
        double[] losses = [0.1, 1.0, 3.0];
        const double w = 1e4;

        var scaled = losses.Select(l => w * AbdpLoss.GradientWeight(l, w)).ToArray();

        Assert.All(scaled, s => Assert.InRange(s, 1.0, 1.0 + 1e-3));
        Assert.True(scaled[2] > scaled[0], "a worse domain still weighs a little more");
    }

    [Fact]
    public void Term_PerDomainBackward_EqualsBackwardOfTheTotal()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 0.3, -1.2, 2.0 }, ScalarType.Float64);
        var separate = tensor(new[] { 0.5, 0.4, -0.2 }, ScalarType.Float64).requires_grad_();
        var together = separate.detach().clone().requires_grad_();
        Tensor Loss(Tensor p, int domain) => p.mul(x).add(domain).square().mean();

        AbdpLoss.Term(Loss(separate, 0), 1.5).backward();
        AbdpLoss.Term(Loss(separate, 1), 1.5).backward();
        AbdpLoss.Term(Loss(together, 0), 1.5).add(AbdpLoss.Term(Loss(together, 1), 1.5)).backward();

        var difference = separate.grad!.sub(together.grad!).abs().max().item<double>();
        Assert.True(difference < 1e-12, $"gradients differ by {difference}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Total_NonPositiveOrInfiniteW_Throws(double w)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AbdpLoss.Total([1.0], w));
    }
}
