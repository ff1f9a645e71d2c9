using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Predictors;

/// <summary>
/// Predicts an architecture's score from the architectures observed so far: Gaussian-process mean (kernel ridge
/// regression, <see cref="KernelRidgeRegressor"/>) with the exponential Hamming kernel of <see cref="ArchitectureKernel"/>
/// over the codes of <see cref="ArchitectureEncoder"/>. Chosen over an MLP ensemble because it is exact, needs no
/// training loop, refits in O(n²) per new observation and ranked NAS-Bench-201 cells as well as small MLPs do with
/// 20 to 100 samples. Deterministic: the same observations in the same order give the same predictions.
/// </summary>
public sealed class ArchitecturePredictor
{
    private readonly ArchitectureEncoder _encoder;
    private readonly ArchitectureKernel _kernel;
    private readonly KernelRidgeRegressor _regressor;

    /// <summary>Creates an empty predictor over <paramref name="space"/>.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="kernelScale">How fast similarity decays with the number of differing decisions (see <see cref="ArchitectureKernel"/>).</param>
    /// <param name="ridge">The ridge (observation noise relative to the kernel's scale of 1).</param>
    /// <param name="lowerClipQuantile">Targets below this quantile are raised to it (see <see cref="KernelRidgeRegressor.LowerClipQuantile"/>).</param>
    /// <param name="additiveWeight">The weight of the kernel's additive part (see <see cref="ArchitectureKernel"/>).</param>
    public ArchitecturePredictor(SearchSpace space, double kernelScale, double ridge, double lowerClipQuantile, double additiveWeight = 0)
    {
        _encoder = new ArchitectureEncoder(space);
        _kernel = new ArchitectureKernel(_encoder, kernelScale, additiveWeight);
        _regressor = new KernelRidgeRegressor(_kernel.Evaluate, ridge) { LowerClipQuantile = lowerClipQuantile };
    }

    /// <summary>The number of observations learned.</summary>
    public int Count => _regressor.Count;

    /// <summary>The codes of an architecture, to predict many times without encoding again.</summary>
    public double[] Encode(Architecture architecture) => _encoder.Encode(architecture);

    /// <summary>Learns one observation.</summary>
    public void Add(Architecture architecture, double score) => _regressor.Add(_encoder.Encode(architecture), score);

    /// <summary>The predicted score of an architecture.</summary>
    public double Predict(Architecture architecture) => _regressor.Predict(_encoder.Encode(architecture));

    /// <summary>The kernel's value between observation <paramref name="index"/> (in learning order) and codes from <see cref="Encode"/>.</summary>
    public double KernelWith(int index, double[] codes) => _regressor.KernelWith(index, codes);

    /// <summary>The prediction from the kernel values of <see cref="KernelWith"/> with every observation, in learning order.</summary>
    public double PredictFromKernel(IReadOnlyList<double> kernelValues) => _regressor.PredictFromKernel(kernelValues);

    /// <summary>The predicted score of an architecture's codes (from <see cref="Encode"/>).</summary>
    public double Predict(double[] codes) => _regressor.Predict(codes);
}
