using NasOrleans.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Loop;

/// <summary>
/// Seeded augmentation of image batches with tensor ops on the batch's device: random horizontal flips and random
/// crops after padding (edges replicated). The random numbers come from a private CPU generator, so a seed gives the same batches.
/// </summary>
public sealed class BatchAugmenter : IDisposable
{
    /// <summary>Pixels of padding before a random crop.</summary>
    public const int CropPadding = 2;

    private readonly Augmentation _augmentation;
    private readonly Generator _generator;

    /// <summary>Creates an augmenter for samples of <paramref name="shape"/>; tabular shapes are never augmented.</summary>
    public BatchAugmenter(Augmentation augmentation, InputShape shape, long seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        _augmentation = shape.IsImage ? augmentation : Augmentation.None;
        _generator = new Generator(unchecked((ulong)seed));
    }

    /// <summary>Whether <see cref="Apply"/> changes anything.</summary>
    public bool IsActive => _augmentation != Augmentation.None;

    /// <summary>The augmented batch (<paramref name="batch"/> itself when inactive); [batch, channels, height, width].</summary>
    public Tensor Apply(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!IsActive)
        {
            return batch;
        }

        var n = batch.shape[0];
        var device = batch.device;
        var x = batch;
        if (_augmentation.HasFlag(Augmentation.Flip))
        {
            var flip = (torch.rand([n], generator: _generator) < 0.5).to(device).view(n, 1, 1, 1);
            x = torch.where(flip, x.flip(3), x);
        }

        if (_augmentation.HasFlag(Augmentation.Crop))
        {
            long c = x.shape[1], h = x.shape[2], w = x.shape[3];
            var padded = nn.functional.pad(x, [CropPadding, CropPadding, CropPadding, CropPadding], PaddingModes.Replicate);
            var offsets = torch.randint(0, (2 * CropPadding) + 1, [n, 2], generator: _generator).to(device);
            var rows = offsets[.., 0].view(n, 1) + torch.arange(h, device: device).view(1, h);
            var cols = offsets[.., 1].view(n, 1) + torch.arange(w, device: device).view(1, w);
            var cropRows = padded.gather(2, rows.view(n, 1, h, 1).expand(n, c, h, w + (2 * CropPadding)));
            x = cropRows.gather(3, cols.view(n, 1, 1, w).expand(n, c, h, w));
        }

        return x;
    }

    /// <inheritdoc />
    public void Dispose() => _generator.Dispose();
}
