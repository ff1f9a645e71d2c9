namespace NasOrleans.Core.Nb201;

/// <summary>The size of a network: parameters and FLOPs, both in millions (as NAS-Bench-201 reports them).</summary>
/// <param name="Params">Trainable parameters, in millions (convolution and linear weights, linear biases, batch-norm scales and shifts).</param>
/// <param name="Flops">Multiply-adds of the convolutions and the classifier for one image, in millions.</param>
public readonly record struct Nb201Cost(double Params, double Flops);
