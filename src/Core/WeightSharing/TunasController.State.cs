using System.Text.Json;
using System.Text.Json.Serialization;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.WeightSharing;

/// <summary>The snapshot and restore of <see cref="TunasController"/>.</summary>
public sealed partial class TunasController
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Outstanding architectures hold NaN for inactive decisions.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The whole learner's state: logits, Adam moments and steps, baseline, outstanding samples, counts and generator.</summary>
    public TunasControllerState Save() => new(
        [.. _policy.Logits],
        _adam.Save(),
        _baseline.Numerator,
        _baseline.Denominator,
        NextSampleId,
        _outstanding.ToDictionary(p => p.Key, p => p.Value.Values.ToArray()),
        Updates,
        RewardsReceived,
        RewardsRejected,
        _random.GetState());

    /// <summary>Restores a state of <see cref="Save"/> from a controller of the same space and options.</summary>
    public void Restore(TunasControllerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Outstanding, nameof(state));
        if (state.Outstanding.Values.Any(v => v is null || v.Length != Layout.Count))
        {
            throw new ArgumentException($"An outstanding sample of the state does not have the space's {Layout.Count} decisions.", nameof(state));
        }

        if (state.NextSampleId < 0 || state.Outstanding.Keys.Any(id => id < 0 || id >= state.NextSampleId))
        {
            throw new ArgumentException("The state's outstanding sample ids must lie in [0, NextSampleId).", nameof(state));
        }

        var random = DeterministicRandom.FromState(state.Random);
        _policy.SetLogits(state.Logits);
        _adam.Restore(state.Adam);
        _random = random;
        _baseline = new MovingAverageBaseline(Options.BaselineMomentum, state.BaselineNumerator, state.BaselineDenominator);
        NextSampleId = state.NextSampleId;
        _outstanding.Clear();
        foreach (var (id, values) in state.Outstanding)
        {
            _outstanding.Add(id, new Architecture(values));
        }

        (Updates, RewardsReceived, RewardsRejected) = (state.Updates, state.RewardsReceived, state.RewardsRejected);
    }

    /// <summary>The state as compact JSON (doubles round-trip exactly).</summary>
    public string SaveState() => JsonSerializer.Serialize(Save(), Json);

    /// <summary>Restores a state written by <see cref="SaveState"/>.</summary>
    public void RestoreState(string state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        Restore(JsonSerializer.Deserialize<TunasControllerState>(state, Json)
            ?? throw new ArgumentException("Empty TuNAS controller state.", nameof(state)));
    }
}
