using NasOrleans.Training.Data;
using NasOrleans.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Data;

public class ImageTransformsTests
{
    [Fact]
    public void Apply_Inverted_GivesOneMinusEachPixel()
    {
        using var images = torch.tensor(new[] { 0f, 0.25f, 1f, 0.5f }, [1, 1, 2, 2]);

        using var inverted = ImageTransforms.Apply(images, ImageTransform.Inverted);

        Assert.Equal([1f, 0.75f, 0f, 0.5f], inverted.data<float>().ToArray());
        Assert.Equal([0f, 0.25f, 1f, 0.5f], images.data<float>().ToArray());
    }

    [Fact]
    public void Apply_Rotated90OfTwoByThree_TurnsClockwiseIntoThreeByTwo()
    {
        // 1 2 3        4 1
        // 4 5 6   ->   5 2
        //              6 3
        using var images = torch.tensor(new[] { 1f, 2, 3, 4, 5, 6 }, [1, 1, 2, 3]);

        using var rotated = ImageTransforms.Apply(images, ImageTransform.Rotated90);

        Assert.Equal([1L, 1, 3, 2], rotated.shape);
        Assert.Equal([4f, 1, 5, 2, 6, 3], rotated.data<float>().ToArray());
    }

    [Fact]
    public void Apply_Rotated90FourTimes_GivesTheImageBack()
    {
        using var images = torch.arange(24, ScalarType.Float32).reshape(2, 1, 3, 4);

        using var back = ImageTransforms.Apply(images, [ImageTransform.Rotated90, ImageTransform.Rotated90, ImageTransform.Rotated90, ImageTransform.Rotated90]);

        Assert.Equal(images.data<float>().ToArray(), back.data<float>().ToArray());
    }

    [Fact]
    public void Apply_UpsampledEightByEight_IsTwentyEightByTwentyEightNearestNeighbour()
    {
        using var images = torch.arange(2 * 64, ScalarType.Float32).reshape(2, 1, 8, 8);

        using var upsampled = ImageTransforms.Apply(images, ImageTransform.Upsampled);

        Assert.Equal([2L, 1, 28, 28], upsampled.shape);
        var pixels = upsampled.data<float>().ToArray();
        for (var i = 0; i < 28; i++)
        {
            for (var j = 0; j < 28; j++)
            {
                Assert.Equal(64 + ((i * 8 / 28) * 8) + (j * 8 / 28), pixels[(28 * 28) + (i * 28) + j]);
            }
        }
    }

    [Fact]
    public void Apply_InvertedAfterUpsampled_ComposesInOrder()
    {
        using var images = torch.tensor(new[] { 0f, 1, 0.5f, 0.25f }, [1, 1, 2, 2]);

        using var both = ImageTransforms.Apply(images, [ImageTransform.Upsampled, ImageTransform.Inverted]);

        Assert.Equal([1L, 1, 28, 28], both.shape);
        var pixels = both.data<float>().ToArray();
        Assert.Equal((1f, 0f, 0.5f, 0.75f), (pixels[0], pixels[27], pixels[27 * 28], pixels[(28 * 28) - 1]));
    }

    [Fact]
    public void Shape_ComposedTransforms_FollowEachStep()
    {
        var shape = ImageTransforms.Shape(new InputShape(1, 8, 6), [ImageTransform.Rotated90, ImageTransform.Inverted], "x");

        Assert.Equal(new InputShape(1, 6, 8), shape);
        Assert.Equal(new InputShape(3, 28, 28), ImageTransforms.Shape(new InputShape(3, 8, 6), ImageTransform.Upsampled, "x"));
    }

    [Fact]
    public void Shape_TabularSamples_ThrowsNamingTheTransformAndTheFix()
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageTransforms.Shape(new InputShape(4, 1, 1), ImageTransform.Rotated90, "idx:a,b"));

        Assert.Contains("'rotated90:' applies to image datasets only", error.Message, StringComparison.Ordinal);
        Assert.Contains("remove 'rotated90:'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inverted:digits", ImageTransform.Inverted, "digits")]
    [InlineData("rotated90:upsampled:digits", ImageTransform.Rotated90, "upsampled:digits")]
    [InlineData("upsampled:idx:a,b", ImageTransform.Upsampled, "idx:a,b")]
    public void TrySplit_TransformPrefix_GivesTransformAndInnerName(string name, ImageTransform transform, string inner)
    {
        Assert.True(ImageTransforms.TrySplit(name, out var t, out var rest));
        Assert.Equal((transform, inner), (t, rest));
        Assert.False(ImageTransforms.TrySplit("digits", out _, out _));
    }
}
