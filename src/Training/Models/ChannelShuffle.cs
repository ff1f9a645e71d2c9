using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Models;

/// <summary>ShuffleNet's channel shuffle: interleaves the channels of <c>groups</c> groups, so that the groups mix.</summary>
internal sealed class ChannelShuffle : nn.Module<Tensor, Tensor>
{
    private readonly long _groups;

    /// <summary>A shuffle of <paramref name="groups"/> groups.</summary>
    public ChannelShuffle(long groups)
        : base(nameof(ChannelShuffle))
    {
        _groups = groups;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (batch, channels, height, width) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3]);
        using var grouped = input.view(batch, _groups, channels / _groups, height, width);
        using var swapped = grouped.transpose(1, 2);
        return swapped.reshape(batch, channels, height, width);
    }
}
