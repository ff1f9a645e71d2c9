using NasOrleans.Training.Loop;
using NasOrleans.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Loop;

public class BatchAugmenterTests
{
    private static readonly InputShape Image = new(1, 6, 6);

    [Fact]
    public void Apply_SameSeed_GivesSameBatch()
    {
        using var batch = torch.arange(4 * 36, dtype: ScalarType.Float32).view(4, 1, 6, 6);
        using var a = new BatchAugmenter(Augmentation.Flip | Augmentation.Crop, Image, seed: 4);
        using var b = new BatchAugmenter(Augmentation.Flip | Augmentation.Crop, Image, seed: 4);

        using var x = a.Apply(batch);
        using var y = b.Apply(batch);

        Assert.Equal([4L, 1, 6, 6], x.shape);
        Assert.True(x.allclose(y, rtol: 0, atol: 0));
    }

    [Fact]
    public void Apply_Flip_GivesEachImageOrItsMirror()
    {
        using var batch = torch.rand([16, 1, 6, 6]);
        using var augmenter = new BatchAugmenter(Augmentation.Flip, Image, seed: 1);

        using var flipped = augmenter.Apply(batch);

        var kept = 0;
        for (var i = 0; i < 16; i++)
        {
            var same = flipped[i].allclose(batch[i], rtol: 0, atol: 0);
            Assert.True(same || flipped[i].allclose(batch[i].flip(2), rtol: 0, atol: 0));
            kept += same ? 1 : 0;
        }

        Assert.InRange(kept, 1, 15);
    }

    [Fact]
    public void Apply_Crop_ShiftsByAtMostThePadding()
    {
        using var batch = torch.arange(36, dtype: ScalarType.Float32).view(1, 1, 6, 6).expand(8, 1, 6, 6).contiguous();
        using var augmenter = new BatchAugmenter(Augmentation.Crop, Image, seed: 2);

        using var cropped = augmenter.Apply(batch);

        // The centre pixel (row 3, column 3, value 21) moves by at most 2 rows and 2 columns.
        for (var i = 0; i < 8; i++)
        {
            var value = cropped[i, 0, 3, 3].item<float>();
            var (row, col) = ((int)value / 6, (int)value % 6);
            Assert.InRange(row, 1, 5);
            Assert.InRange(col, 1, 5);
        }
    }

    [Fact]
    public void Apply_TabularShape_ReturnsTheBatchUnchanged()
    {
        using var batch = torch.rand([4, 3]);
        using var augmenter = new BatchAugmenter(Augmentation.Flip, new InputShape(3, 1, 1), seed: 1);

        Assert.False(augmenter.IsActive);
        Assert.Same(batch, augmenter.Apply(batch));
    }
}
