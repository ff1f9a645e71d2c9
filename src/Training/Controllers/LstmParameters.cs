using NasOrleans.Core.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Controllers;

/// <summary>
/// The tensors of <see cref="LstmPolicyModel"/> (float64, CPU) with Adam's moments, in a fixed order so they save and
/// restore as arrays. Initialized uniformly in [-0.1, 0.1] from the controller's own generator (as Zoph &amp; Le), never
/// from libtorch's global one, so a controller does not depend on what else runs in the process.
/// </summary>
internal sealed class LstmParameters
{
    private const double InitScale = 0.1;
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly List<Tensor> _tensors = [];
    private readonly List<Tensor> _m = [];
    private readonly List<Tensor> _v = [];

    public LstmParameters(int hidden, IReadOnlyList<int> actions, ulong seed)
    {
        var random = new DeterministicRandom(seed ^ 0x4C53544DUL);
        Start = Add(random, 1, hidden);
        InputWeights = Add(random, 4 * hidden, hidden);
        HiddenWeights = Add(random, 4 * hidden, hidden);
        Bias = Add(random, 4 * hidden);
        Embeddings = [.. actions.Select(a => a == 0 ? null : Add(random, a, hidden))];
        HeadWeights = [.. actions.Select(a => a == 0 ? null : Add(random, a, hidden))];
        HeadBiases = [.. actions.Select(a => a == 0 ? null : Add(random, a))];
    }

    public Tensor Start { get; }

    public Tensor InputWeights { get; }

    public Tensor HiddenWeights { get; }

    public Tensor Bias { get; }

    public IReadOnlyList<Tensor?> Embeddings { get; }

    public IReadOnlyList<Tensor?> HeadWeights { get; }

    public IReadOnlyList<Tensor?> HeadBiases { get; }

    public int Steps { get; private set; }

    /// <summary>Every parameter value, tensor after tensor.</summary>
    public double[] Flatten() => [.. _tensors.SelectMany(t => t.data<double>().ToArray())];

    /// <summary>Every parameter tensor, in order.</summary>
    public IReadOnlyList<Tensor> Tensors => _tensors;

    /// <summary>One Adam step with <paramref name="gradients"/> (one per tensor; an undefined one counts as 0).</summary>
    public void AdamStep(IList<Tensor> gradients, double learningRate)
    {
        Steps++;
        var correction1 = 1 - Math.Pow(Beta1, Steps);
        var correction2 = 1 - Math.Pow(Beta2, Steps);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        for (var i = 0; i < _tensors.Count; i++)
        {
            var g = gradients[i] is { } given && !given.IsInvalid ? given : zeros_like(_tensors[i]);
            _m[i].mul_(Beta1).add_(g, alpha: 1 - Beta1);
            _v[i].mul_(Beta2).addcmul_(g, g, value: 1 - Beta2);
            var update = (_m[i] / correction1) / ((_v[i] / correction2).sqrt() + Epsilon);
            _tensors[i].sub_(update * learningRate);
        }
    }

    public LstmSnapshot Save() =>
        new([.. _tensors.Select(Values)], [.. _m.Select(Values)], [.. _v.Select(Values)], Steps);

    public void Restore(LstmSnapshot snapshot)
    {
        if (snapshot.Parameters.Length != _tensors.Count || snapshot.Parameters.Zip(_tensors).Any(x => x.First.Length != x.Second.numel()))
        {
            throw new ArgumentException("The LSTM controller's snapshot does not fit this space and hidden size.", nameof(snapshot));
        }

        using var noGrad = no_grad();
        for (var i = 0; i < _tensors.Count; i++)
        {
            Copy(_tensors[i], snapshot.Parameters[i]);
            Copy(_m[i], snapshot.M[i]);
            Copy(_v[i], snapshot.V[i]);
        }

        Steps = snapshot.Steps;
    }

    private static double[] Values(Tensor t) => t.data<double>().ToArray();

    private static void Copy(Tensor target, double[] values)
    {
        using var source = tensor(values, dtype: float64).reshape(target.shape);
        target.copy_(source);
    }

    private Tensor Add(DeterministicRandom random, params long[] shape)
    {
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var values = new double[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ((2 * random.NextDouble()) - 1) * InitScale;
        }

        var t = tensor(values, dtype: float64).reshape(shape).requires_grad_(true);
        _tensors.Add(t);
        _m.Add(zeros(shape, dtype: float64));
        _v.Add(zeros(shape, dtype: float64));
        return t;
    }
}
