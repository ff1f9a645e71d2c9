namespace NasOrleans.Training.Loop;

/// <summary>The optimizer of a training run.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (weight decay added to the gradient, L2).</summary>
    Adam,

    /// <summary>AdamW (decoupled weight decay).</summary>
    AdamW,

    /// <summary>Stochastic gradient descent with Nesterov momentum 0.9.</summary>
    Sgd,
}
