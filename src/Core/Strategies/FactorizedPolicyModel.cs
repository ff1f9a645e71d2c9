using System.Text.Json;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// The factorized categorical policy (<see cref="CategoricalPolicy"/>, one softmax per decision as in TuNAS and the
/// NAS-Bench-201 REINFORCE baseline) with Adam on its logits; the entropy is the sum of the softmaxes' entropies.
/// </summary>
public sealed class FactorizedPolicyModel : IPolicyModel
{
    /// <summary>The controller's name in the <c>controller</c> parameter.</summary>
    public const string Name = "factorized";

    private readonly AdamOptimizer _adam;

    /// <summary>Creates the uniform policy.</summary>
    public FactorizedPolicyModel(SearchSpace space, int floatBins, double learningRate)
    {
        Policy = new CategoricalPolicy(space, floatBins);
        _adam = new AdamOptimizer(Policy.Logits.Length, learningRate);
    }

    /// <summary>The policy.</summary>
    public CategoricalPolicy Policy { get; }

    /// <inheritdoc />
    public PolicyLayout Layout => Policy.Layout;

    /// <inheritdoc />
    public int Updates => _adam.Steps;

    /// <inheritdoc />
    public IReadOnlyList<double> Parameters => [.. Policy.Logits];

    /// <inheritdoc />
    public Architecture Sample(DeterministicRandom random) => Policy.Sample(random);

    /// <inheritdoc />
    public double LogProb(Architecture architecture) => Policy.LogProb(architecture);

    /// <inheritdoc />
    public void Step(IReadOnlyList<PolicyTerm> terms, double entropyWeight)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var lossGradient = new double[Policy.Logits.Length];
        foreach (var term in terms)
        {
            Policy.AddLogProbGradient(term.Architecture, -term.Weight, lossGradient);
        }

        if (entropyWeight > 0)
        {
            Policy.AddEntropyGradient(-entropyWeight, lossGradient);
        }

        _adam.Step(Policy.Logits, lossGradient);
    }

    /// <inheritdoc />
    public IReadOnlyList<double> Probabilities(int index) => Policy.Probabilities(index);

    /// <inheritdoc />
    public string SaveState() => JsonSerializer.Serialize(new Snapshot([.. Policy.Logits], _adam.Save()));

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var snapshot = JsonSerializer.Deserialize<Snapshot>(state) ?? throw new ArgumentException("Empty factorized policy state.", nameof(state));
        Policy.SetLogits(snapshot.Logits);
        _adam.Restore(snapshot.Adam);
    }

    private sealed record Snapshot(double[] Logits, AdamState Adam);
}
