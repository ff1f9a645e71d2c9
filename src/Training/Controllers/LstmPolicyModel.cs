using System.Text.Json;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Strategies;
using NasOrleans.Training.Native;
using TorchSharp;
using static TorchSharp.torch;
using Architecture = NasOrleans.Core.Spaces.Architecture;

namespace NasOrleans.Training.Controllers;

/// <summary>
/// The LSTM controller of Zoph &amp; Le (2017): an LSTM cell emits the space's decisions in order; at each learned
/// decision its hidden state goes through that decision's linear head to a softmax (logits squashed as 2.5·tanh, as in
/// ENAS), the chosen action's embedding is the next input, so every choice is conditioned on the ones before it. An
/// inactive decision is skipped; an unlearned one (a float with <c>float_bins</c> 0) is drawn uniformly. Updates are
/// Adam steps on −Σ weight·log π(a) − β·H, where H sums the entropies of the softmaxes along each term's sequence.
/// </summary>
/// <remarks>
/// Random numbers come from the caller's <see cref="DeterministicRandom"/> and the parameters start from the seed, so
/// a saved and restored controller samples and learns exactly as the original. Float64 on the CPU: a controller is
/// tiny, and its sampling runs where the study's strategy runs, not on a trainer's GPU.
/// </remarks>
public sealed class LstmPolicyModel : IPolicyModel
{
    /// <summary>The controller's name in the <c>controller</c> parameter.</summary>
    public const string Name = "lstm";

    private const double TanhConstant = 2.5;
    private const int MarginalSamples = 1000;

    private readonly LstmParameters _p;
    private readonly double _learningRate;
    private readonly int _hidden;
    private (int Steps, IReadOnlyList<double>[] Values)? _marginals;

    /// <summary>Creates the controller with parameters drawn from <paramref name="seed"/>.</summary>
    public LstmPolicyModel(PolicyLayout layout, int hidden, double learningRate, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        TorchNativeFix.ThrowIfUnfixable();
        Layout = layout;
        _hidden = hidden;
        _learningRate = learningRate;
        _p = new LstmParameters(hidden, [.. Enumerable.Range(0, layout.Count).Select(layout.Actions)], seed);
    }

    /// <inheritdoc />
    public PolicyLayout Layout { get; }

    /// <inheritdoc />
    public int Updates => _p.Steps;

    /// <inheritdoc />
    public IReadOnlyList<double> Parameters => _p.Flatten();

    /// <inheritdoc />
    public Architecture Sample(DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var values = new double[Layout.Count];
        var state = Initial();
        for (var i = 0; i < values.Length; i++)
        {
            if (!Layout.IsActive(i, values))
            {
                values[i] = double.NaN;
                continue;
            }

            if (Layout.Actions(i) == 0)
            {
                values[i] = Layout.UniformValue(i, random);
                continue;
            }

            var (logits, next) = Step(i, state);
            var probabilities = torch.nn.functional.softmax(logits, 0).data<double>().ToArray();
            var action = PolicyLayout.Draw(probabilities, random);
            values[i] = Layout.Value(i, action, random);
            state = next with { Input = _p.Embeddings[i]![action].unsqueeze(0) };
        }

        return new Architecture(values);
    }

    /// <inheritdoc />
    public double LogProb(Architecture architecture)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return Forward(architecture).LogProb.item<double>();
    }

    /// <inheritdoc />
    public void Step(IReadOnlyList<PolicyTerm> terms, double entropyWeight)
    {
        ArgumentNullException.ThrowIfNull(terms);
        using var scope = NewDisposeScope();
        var loss = zeros(1, dtype: float64);
        foreach (var term in terms)
        {
            var (logProb, entropy) = Forward(term.Architecture);
            loss = loss - (logProb * term.Weight) - (entropy * (entropyWeight / terms.Count));
        }

        // Gradients straight from autograd, never accumulated into .grad: the same sums in the same order whatever ran
        // before, so a restored controller steps exactly as the original. Parameters the terms did not reach get 0.
        var gradients = terms.Count == 0 || !loss.requires_grad
            ? [.. _p.Tensors.Select(t => zeros_like(t))]
            : torch.autograd.grad([loss.sum()], [.. _p.Tensors], allow_unused: true);
        _p.AdamStep(gradients, _learningRate);
    }

    /// <inheritdoc />
    public IReadOnlyList<double> Probabilities(int index)
    {
        if (_marginals is not { } cached || cached.Steps != _p.Steps)
        {
            cached = (_p.Steps, EstimateMarginals());
            _marginals = cached;
        }

        return cached.Values[index];
    }

    /// <inheritdoc />
    public string SaveState() => JsonSerializer.Serialize(_p.Save());

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        _p.Restore(JsonSerializer.Deserialize<LstmSnapshot>(state) ?? throw new ArgumentException("Empty LSTM controller state.", nameof(state)));
        _marginals = null;
    }

    private LstmState Initial() => new(_p.Start, zeros(1, _hidden, dtype: float64), zeros(1, _hidden, dtype: float64));

    private (Tensor Logits, LstmState Next) Step(int decision, LstmState state)
    {
        // Products as elementwise multiply-and-sum rather than matmul: BLAS may round differently with the buffers'
        // alignment, which would make a restored controller drift from the original in the last bit.
        var gates = Product(state.Input, _p.InputWeights) + Product(state.Hidden, _p.HiddenWeights) + _p.Bias;
        var chunks = gates.chunk(4, 1);
        var cell = (torch.sigmoid(chunks[1]) * state.Cell) + (torch.sigmoid(chunks[0]) * chunks[2].tanh());
        var hidden = torch.sigmoid(chunks[3]) * cell.tanh();
        var logits = (Product(hidden, _p.HeadWeights[decision]!) + _p.HeadBiases[decision]!).squeeze(0).tanh() * TanhConstant;
        return (logits, new LstmState(state.Input, hidden, cell));
    }

    /// <summary>row (1 × n) times weights (m × n) transposed: 1 × m.</summary>
    private static Tensor Product(Tensor row, Tensor weights) => (weights * row).sum(1).unsqueeze(0);

    private (Tensor LogProb, Tensor Entropy) Forward(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var logProb = zeros(1, dtype: float64);
        var entropy = zeros(1, dtype: float64);
        var state = Initial();
        for (var i = 0; i < Layout.Count; i++)
        {
            if (Layout.ActionOf(i, architecture) is not { } action)
            {
                continue;
            }

            var (logits, next) = Step(i, state);
            var logSoftmax = torch.nn.functional.log_softmax(logits, 0);
            logProb = logProb + logSoftmax[action];
            entropy = entropy - (logSoftmax.exp() * logSoftmax).sum();
            state = next with { Input = _p.Embeddings[i]![action].unsqueeze(0) };
        }

        return (logProb, entropy);
    }

    /// <summary>Each decision's marginal distribution, estimated from samples of a fixed generator (deterministic for the parameters).</summary>
    private IReadOnlyList<double>[] EstimateMarginals()
    {
        var counts = Enumerable.Range(0, Layout.Count).Select(i => new double[Layout.Actions(i)]).ToArray();
        var random = new DeterministicRandom(0x5EED);
        for (var n = 0; n < MarginalSamples; n++)
        {
            var sample = Sample(random);
            for (var i = 0; i < Layout.Count; i++)
            {
                if (Layout.ActionOf(i, sample) is { } action)
                {
                    counts[i][action]++;
                }
            }
        }

        return [.. counts.Select(c => (IReadOnlyList<double>)(c.Sum() is var total and > 0 ? [.. c.Select(x => x / total)] : [.. c.Select(_ => 1.0 / c.Length)]))];
    }

    private sealed record LstmState(Tensor Input, Tensor Hidden, Tensor Cell);
}
