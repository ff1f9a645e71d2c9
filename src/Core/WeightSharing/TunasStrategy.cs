using System.Text.Json;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.WeightSharing;

/// <summary>
/// A <see cref="TunasController"/> behind the <see cref="ISearchStrategy"/> a controller grain journals: the supernet
/// search asks for the path of step s as proposal s and reports the path's reward as its observation, so that the
/// grain's per-id memory makes a resumed search replay the same paths and ignore rewards it already applied. Rewards
/// reach the controller one step at a time (TuNAS takes one REINFORCE step per supernet step), with the learning-rate
/// scale of their step; samples of the steps before the RL delay are released when the first reward arrives.
/// </summary>
public sealed class TunasStrategy : ISearchStrategy, IReplaysProposals
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TunasController _controller;
    private readonly List<PendingSample> _pending = [];
    private readonly long _totalSteps;

    /// <summary>Creates the strategy of <paramref name="algorithm"/> over <paramref name="space"/> for a search of <paramref name="totalSteps"/> steps.</summary>
    public TunasStrategy(string algorithm, SearchSpace space, TunasOptions options, long totalSteps, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        Algorithm = algorithm;
        _controller = new TunasController(space, options, seed);
        _totalSteps = totalSteps;
    }

    /// <inheritdoc />
    public string Algorithm { get; }

    /// <summary>The controller (for its policy, counts and argmax).</summary>
    public TunasController Controller => _controller;

    /// <inheritdoc />
    public Architecture Propose()
    {
        var sample = _controller.Sample(1)[0];
        _pending.Add(new PendingSample(sample.Id, sample.Architecture.Key));
        return sample.Architecture;
    }

    /// <inheritdoc />
    public void Observe(Architecture architecture, double? score)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var index = _pending.FindIndex(p => p.Key == architecture.Key);
        if (index < 0)
        {
            return;
        }

        var id = _pending[index].Id;
        _pending.RemoveAt(index);
        if (score is not { } reward)
        {
            _controller.Release([id]);
            return;
        }

        var delay = _controller.Options.Schedule.DelaySteps(_totalSteps);
        var never = _pending.Where(p => p.Id < delay).Select(p => p.Id).ToList();
        if (never.Count > 0)
        {
            _controller.Release(never);
            _pending.RemoveAll(p => p.Id < delay);
        }

        _controller.Update([new TunasReward(id, reward)], Math.Min(id, _totalSteps - 1), _totalSteps);
    }

    /// <inheritdoc />
    public string SaveState() => JsonSerializer.Serialize(new SavedState(_controller.SaveState(), [.. _pending]), Json);

    /// <inheritdoc />
    public void RestoreState(string state)
    {
        var saved = JsonSerializer.Deserialize<SavedState>(state, Json) ?? throw new ArgumentException("An empty TuNAS strategy state.", nameof(state));
        _controller.RestoreState(saved.Controller);
        _pending.Clear();
        _pending.AddRange(saved.Pending);
    }

    private sealed record PendingSample(long Id, string Key);

    private sealed record SavedState(string Controller, List<PendingSample> Pending);
}
