using System.Text.Json;
using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Tests.Nb201;

public class Nb201CostModelTests
{
    private const string AllConv3 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    private const string AllNone = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";

    [Theory]
    [InlineData("0", "cifar10-valid", "cifar10")]
    [InlineData("0", "cifar10", "cifar10")]
    [InlineData("0", "cifar100", "cifar100")]
    [InlineData("0", "ImageNet16-120", "imagenet16-120")]
    [InlineData("11", "cifar10-valid", "cifar10")]
    [InlineData("11", "cifar100", "cifar100")]
    [InlineData("11", "ImageNet16-120", "imagenet16-120")]
    [InlineData("284", "cifar10-valid", "cifar10")]
    [InlineData("284", "cifar100", "cifar100")]
    [InlineData("284", "ImageNet16-120", "imagenet16-120")]
    public void Compute_NatsSamples_MatchesPublishedParamsAndFlops(string index, string natsDataset, string dataset)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Nb201TestData.SamplesPath));
        var record = document.RootElement.GetProperty("topology").GetProperty(index);
        var architecture = Nb201Space.ParseArchString(record.GetProperty("arch_str").GetString()!);
        var cost = Nb201CostModel.Compute(architecture, Nb201Dataset.Get(dataset));
        foreach (var epochs in new[] { "hp12", "hp200" })
        {
            foreach (var seed in record.GetProperty(epochs).GetProperty(natsDataset).EnumerateObject())
            {
                var published = seed.Value;
                AssertRelative(published.GetProperty("params").GetDouble(), cost.Params);
                AssertRelative(published.GetProperty("flop").GetDouble(), cost.Flops);
            }
        }
    }

    [Fact]
    public void Compute_Cell0OnCifar10_GivesReadmeFigures()
    {
        var cell = Nb201Space.ParseArchString("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|");
        var (parameters, flops) = Nb201CostModel.Compute(cell, Nb201Dataset.Cifar10);
        Assert.Equal(0.129306, parameters, 9);
        Assert.Equal(15.64737, flops, 9);
    }

    [Fact]
    public void Compute_FashionMnistAllNone_CountsStemReductionsAndClassifier()
    {
        // 28x28x1: stem 144 weights + BN 32; 16->32 block at 14x14 and 32->64 block at 7x7; BN 128; linear 64*10+10.
        var cost = Nb201CostModel.Compute(Nb201Space.ParseArchString(AllNone), inputChannels: 1, imageSize: 28, numClasses: 10);
        Assert.Equal(0.073018, cost.Params, 9);
        Assert.Equal(5.733258, cost.Flops, 9);
    }

    [Fact]
    public void Compute_FashionMnistScaled_UsesChannelsAndCellsPerStage()
    {
        var conv = Nb201Space.ParseArchString(AllConv3);
        Assert.Equal(new Nb201Cost(1.531258, 168.303498), Round(Nb201CostModel.Compute(conv, 1, 28, 10)));
        Assert.Equal(new Nb201Cost(0.16509, 17.71873), Round(Nb201CostModel.Compute(conv, 1, 28, 10, baseChannels: 8, cellsPerStage: 2)));
    }

    [Fact]
    public void Compute_PoolingAndSkip_AddNothing()
    {
        var none = Nb201CostModel.Compute(Nb201Space.ParseArchString(AllNone), Nb201Dataset.Cifar10);
        var pools = Nb201CostModel.Compute(
            Nb201Space.ParseArchString("|avg_pool_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|avg_pool_3x3~0|skip_connect~1|avg_pool_3x3~2|"),
            Nb201Dataset.Cifar10);
        Assert.Equal(none, pools);
    }

    [Fact]
    public void Compute_NotANb201Cell_Throws() =>
        Assert.Throws<ArgumentException>(() => Nb201CostModel.Compute(new Architecture([0, 1]), Nb201Dataset.Cifar10));

    private static Nb201Cost Round(Nb201Cost cost) => new(Math.Round(cost.Params, 9), Math.Round(cost.Flops, 9));

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-3 * Math.Abs(expected), $"expected {expected}, computed {actual}");
}
