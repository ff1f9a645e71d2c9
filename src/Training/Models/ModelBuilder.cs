using NasOrleans.Core.Spaces;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Models;

/// <summary>Builds the TorchSharp module of an architecture of a built-in space (mlp, mobile-cnn, nb201).</summary>
public static class ModelBuilder
{
    /// <summary>The module for <paramref name="architecture"/>: input [batch, C, H, W] (or [batch, features]), output logits [batch, classes].</summary>
    public static nn.Module<Tensor, Tensor> Build(SearchSpace space, Architecture architecture, InputShape input, int classes) =>
        throw new NotSupportedException("being written");
}
