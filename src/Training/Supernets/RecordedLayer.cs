using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets;

/// <summary>
/// One layer a forward pass used, with the (sliced) supernet tensors it read: a convolution's weight; a batch
/// norm's weight, bias, running mean, running variance and batch count; a Linear layer's weight and bias.
/// </summary>
internal sealed record RecordedLayer(RecordedLayerKind Kind, IReadOnlyList<Tensor> Tensors);
