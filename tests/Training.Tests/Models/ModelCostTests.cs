using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;
using static NasOrleans.Training.Tests.Models.ArchitectureSamples;

namespace NasOrleans.Training.Tests.Models;

public class ModelCostTests
{
    private static readonly InputShape Fashion = new(1, 28, 28);

    [Fact]
    public void Compute_TinyMlp_MatchesHandCount()
    {
        var space = Mlp(widths: "8,16");
        var cost = ModelCost.Compute(space, MlpOf(space, 8), new InputShape(4, 1, 1), 3);

        Assert.Equal(4 * 8 + 8 + (8 * 3) + 3, cost.Params);
        Assert.Equal((4 * 8) + (8 * 3), cost.Flops);
    }

    [Fact]
    public void Compute_ImageInputToMlp_FlattensTheImage()
    {
        var space = Mlp();
        var cost = ModelCost.Compute(space, MlpOf(space, 256, 32), Fashion, 10);

        Assert.Equal((784 * 256) + 256 + (256 * 32) + 32 + (32 * 10) + 10, cost.Params);
        Assert.Equal((784 * 256) + (256 * 32) + (32 * 10), cost.Flops);
    }

    [Fact]
    public void Compute_TinyMobileCnnStage_MatchesHandCount()
    {
        // Stem 1→16 (3x3) at 28x28; one dw_ibn block 16→24, expansion 3, kernel 3, stride 2 (stage 1 downsamples:
        // the expansion runs at 28x28, the depthwise and projection at 14x14); head 24→128 (1x1) at 14x14; Linear(128, 10).
        var space = MobileCnn(stages: 1);
        var cost = ModelCost.Compute(space, MobileOf(space, "1 dw_ibn 3 3 24"), Fashion, 10);

        long stem = (1 * 16 * 9) + (2 * 16);
        long expand = (16 * 48) + (2 * 48);
        long depthwise = (48 * 9) + (2 * 48);
        long project = (48 * 24) + (2 * 24);
        long head = (24 * 128) + (2 * 128) + (128 * 10) + 10;
        Assert.Equal(stem + expand + depthwise + project + head, cost.Params);
        double flops = (784.0 * ((1 * 16 * 9) + (16 * 48))) + (196.0 * ((48 * 9) + (48 * 24) + (24 * 128))) + (128 * 10);
        Assert.Equal(flops, cost.Flops);
    }

    [Fact]
    public void Compute_StrideTwoStage_CountsTheSmallerMap()
    {
        // Stage 1 skipped, stage 2 one fused_ibn block 16→32, expansion 1, kernel 5, stride 2 (28 → 14).
        var space = MobileCnn(stages: 2);
        var cost = ModelCost.Compute(space, MobileOf(space, "0", "1 fused_ibn 5 1 32"), Fashion, 10);

        double flops = (784.0 * 1 * 16 * 9) + (196.0 * 16 * 32 * 25) + (196.0 * 32 * 128) + (128 * 10);
        Assert.Equal(flops, cost.Flops);
    }

    [Fact]
    public void Compute_SmallMap_DownsamplesOnlyWhileAtLeastEight()
    {
        // 12x12: stage 2 halves it to 6; stage 3 starts below 8, so it keeps stride 1 and adds its input.
        var space = MobileCnn(stages: 3);
        var cost = ModelCost.Compute(space, MobileOf(space, "0", "1 dw_ibn 3 1 16", "1 dw_ibn 3 1 16"), new InputShape(1, 12, 12), 10);

        double block = (36.0 * 16 * 9) + (36.0 * 16 * 16);
        double flops = (144.0 * 16 * 9) + (2 * block) + (36.0 * 16 * 128) + (128 * 10);
        Assert.Equal(flops, cost.Flops);
    }

    [Theory]
    [InlineData("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|")]
    [InlineData("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|")]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")]
    public void Compute_Nb201Benchmark_EqualsNb201CostModel(string cell)
    {
        var architecture = Nb201Space.ParseArchString(cell);
        var expected = Nb201CostModel.Compute(architecture, 3, 32, 10);

        var cost = ModelCost.Compute(Nb201, architecture, new InputShape(3, 32, 32), 10, Nb201NetworkOptions.Benchmark);

        Assert.Equal(expected.Params, cost.Params / 1e6, 9);
        Assert.Equal(expected.Flops, cost.Flops / 1e6, 9);
    }

    [Fact]
    public void Compute_Nb201TrainingDefault_EqualsCostModelWithOneCellPerStage()
    {
        var architecture = Nb201Space.ParseArchString("|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|none~2|");
        var expected = Nb201CostModel.Compute(architecture, 1, 28, 10, baseChannels: 16, cellsPerStage: 1);

        var cost = ModelCost.Compute(Nb201, architecture, Fashion, 10);

        Assert.Equal(expected.Params, cost.Params / 1e6, 9);
        Assert.Equal(expected.Flops, cost.Flops / 1e6, 9);
    }

    [Fact]
    public void Compute_CustomSpace_ThrowsNamingTheSupportedKinds()
    {
        var space = new SearchSpace("custom", [Decision.Integer("x", 0, 3)]);

        var error = Assert.Throws<ArgumentException>(() => ModelCost.Compute(space, new Architecture([1]), Fashion, 10));

        Assert.Contains("'custom'", error.Message, StringComparison.Ordinal);
        Assert.Contains("mlp, mobile-cnn, nb201", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_TabularInputToMobileCnn_ThrowsNamingTheInput()
    {
        var space = MobileCnn();

        var error = Assert.Throws<ArgumentException>(() => ModelCost.Compute(space, space.Sample(new(1)), new InputShape(64, 1, 1), 10));

        Assert.Contains("64x1x1", error.Message, StringComparison.Ordinal);
    }
}
