using NasOrleans.Core.Nb201;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;
using static NasOrleans.Training.Tests.Models.ArchitectureSamples;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Models;

public class ModelBuilderTests
{
    private static readonly InputShape Fashion = new(1, 28, 28);

    public static TheoryData<string[]> MobileArchitectures => new()
    {
        new[] { "1 dw_ibn 3 1 16", "0", "0", "0" },
        new[] { "2 dw_ibn 5 6 24", "1 fused_ibn 3 3 32", "0", "3 group_ibn 5 6 64" },
        new[] { "0", "2 group_ibn 3 1 48", "1 fused_ibn 5 1 48", "2 dw_ibn 3 3 96" },
        new[] { "3 fused_ibn 3 6 128", "3 group_ibn 5 3 128", "3 dw_ibn 5 6 128", "3 group_ibn 3 6 128" },
        new[] { "0", "0", "0", "0" },
    };

    [Theory]
    [InlineData(8)]
    [InlineData(512, 8)]
    [InlineData(64, 128, 256)]
    public void Build_Mlp_ParameterCountEqualsModelCost(params int[] widths)
    {
        var space = Mlp();
        var architecture = MlpOf(space, widths);
        using var model = ModelBuilder.Build(space, architecture, Fashion, 10);

        Assert.Equal(ModelCost.Compute(space, architecture, Fashion, 10).Params, ParameterCount(model));
    }

    [Theory]
    [MemberData(nameof(MobileArchitectures))]
    public void Build_MobileCnn_ParameterCountEqualsModelCost(string[] stages)
    {
        var space = MobileCnn();
        var architecture = MobileOf(space, stages);
        using var model = ModelBuilder.Build(space, architecture, Fashion, 10);

        Assert.Equal(ModelCost.Compute(space, architecture, Fashion, 10).Params, ParameterCount(model));
    }

    [Fact]
    public void Build_RandomMobileCnnArchitectures_ParameterCountEqualsModelCost()
    {
        var space = MobileCnn(stages: 5);
        var random = new DeterministicRandom(7);
        for (var i = 0; i < 10; i++)
        {
            var architecture = space.Sample(random);
            using var model = ModelBuilder.Build(space, architecture, new InputShape(3, 32, 32), 10);

            Assert.Equal(ModelCost.Compute(space, architecture, new InputShape(3, 32, 32), 10).Params, ParameterCount(model));
        }
    }

    [Theory]
    [InlineData("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|")]
    [InlineData("|nor_conv_1x1~0|+|avg_pool_3x3~0|skip_connect~1|+|none~0|nor_conv_3x3~1|nor_conv_1x1~2|")]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")]
    public void Build_Nb201Benchmark_ParameterCountEqualsNb201CostModel(string cell)
    {
        var architecture = Nb201Space.ParseArchString(cell);
        var input = new InputShape(3, 32, 32);
        using var model = ModelBuilder.Build(Nb201, architecture, input, 10, Nb201NetworkOptions.Benchmark);

        var count = ParameterCount(model);

        Assert.Equal(Nb201CostModel.Compute(architecture, 3, 32, 10).Params, count / 1e6, 9);
        Assert.Equal(ModelCost.Compute(Nb201, architecture, input, 10, Nb201NetworkOptions.Benchmark).Params, count);
    }

    [Fact]
    public void Build_MlpOnTabularInput_GivesLogitsPerSample()
    {
        var space = Mlp();
        using var model = ModelBuilder.Build(space, MlpOf(space, 16, 8), new InputShape(13, 1, 1), 3);

        using var logits = model.call(randn(5, 13));

        Assert.Equal(new long[] { 5, 3 }, logits.shape);
    }

    [Fact]
    public void Build_EachSpaceOnFashionImages_GivesLogitsPerSample()
    {
        var mlp = Mlp();
        var mobile = MobileCnn();
        var cases = new (SearchSpace Space, Architecture Architecture)[]
        {
            (mlp, MlpOf(mlp, 32)),
            (mobile, MobileOf(mobile, "1 dw_ibn 3 1 16", "1 group_ibn 5 3 24", "1 fused_ibn 3 3 32", "1 dw_ibn 5 6 32")),
            (Nb201, Nb201Space.ParseArchString("|nor_conv_3x3~0|+|avg_pool_3x3~0|skip_connect~1|+|none~0|nor_conv_1x1~1|skip_connect~2|")),
        };
        foreach (var (space, architecture) in cases)
        {
            using var scope = NewDisposeScope();
            using var model = ModelBuilder.Build(space, architecture, Fashion, 10);

            var logits = model.call(randn(2, 1, 28, 28));

            Assert.Equal(new long[] { 2, 10 }, logits.shape);
            Assert.True(logits.isfinite().all().item<bool>(), $"{space.Kind} gave non-finite logits");
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(7)]
    public void Build_ConvolutionalSpacesOnSmallOrOddImages_GiveLogitsPerSample(int side)
    {
        var mobile = MobileCnn(stages: 3);
        var input = new InputShape(1, side, side);
        var cases = new (SearchSpace Space, Architecture Architecture)[]
        {
            (mobile, MobileOf(mobile, "1 fused_ibn 3 3 16", "2 group_ibn 3 3 24", "1 dw_ibn 5 3 32")),
            (Nb201, Nb201Space.ParseArchString("|nor_conv_3x3~0|+|avg_pool_3x3~0|skip_connect~1|+|none~0|nor_conv_1x1~1|skip_connect~2|")),
        };
        foreach (var (space, architecture) in cases)
        {
            using var scope = NewDisposeScope();
            using var model = ModelBuilder.Build(space, architecture, input, 10, new Nb201NetworkOptions(4, 1));

            Assert.Equal(new long[] { 2, 10 }, model.call(randn(2, 1, side, side)).shape);
        }
    }

    [Fact]
    public void Build_MobileCnnGivenFlatImages_ViewsThemAsImages()
    {
        var space = MobileCnn(stages: 1);
        using var model = ModelBuilder.Build(space, MobileOf(space, "1 dw_ibn 3 1 16"), Fashion, 4);

        using var logits = model.call(randn(3, 784));

        Assert.Equal(new long[] { 3, 4 }, logits.shape);
    }

    [Fact]
    public void Build_Nb201Cell_BackwardReachesEveryParameter()
    {
        using var scope = NewDisposeScope();
        var cell = Nb201Space.ParseArchString("|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_3x3~1|skip_connect~2|");
        using var model = ModelBuilder.Build(Nb201, cell, new InputShape(1, 12, 12), 3, new Nb201NetworkOptions(4, 1));

        var loss = nn.functional.cross_entropy(model.call(randn(2, 1, 12, 12)), tensor(new long[] { 0, 2 }));
        loss.backward();

        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
    }

    [Fact]
    public void Build_CustomSpace_ThrowsNamingTheKindAndTheSupportedOnes()
    {
        var space = new SearchSpace("custom", [Decision.Categorical("act", ["relu", "gelu"])]);

        var error = Assert.Throws<ArgumentException>(() => ModelBuilder.Build(space, new Architecture([0]), Fashion, 10));

        Assert.Contains("'custom'", error.Message, StringComparison.Ordinal);
        Assert.Contains("mlp, mobile-cnn, nb201", error.Message, StringComparison.Ordinal);
    }
}
