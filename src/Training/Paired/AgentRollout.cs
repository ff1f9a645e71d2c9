using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Paired;

/// <summary>
/// One rollout of a <see cref="RecurrentAgent"/>: <see cref="Steps"/> steps over <see cref="Envs"/> environments. Each step
/// is <see cref="Act"/> then <see cref="Record"/>; after the last, <see cref="Bootstrap"/> (which may be skipped when every
/// environment's episode ended with the last step), then <see cref="RecurrentAgent.Update"/>. Arrays are step-major
/// (element <c>t·envs + e</c>); observations are <c>envs × ObservationLength</c> floats, environment after environment.
/// </summary>
/// <remarks>
/// It stores what PPO needs on the CPU (observations, actions, log-probabilities, values, rewards, dones) and, on the
/// agent's device, the recurrent state it started from and the current one; an update replays the sequences from the start.
/// </remarks>
public sealed class AgentRollout : IDisposable
{
    private readonly RecurrentAgent _agent;
    private readonly int _length;
    private Tensor _hidden;
    private Tensor _cell;
    private bool _disposed;

    internal AgentRollout(RecurrentAgent agent, int envs, int steps)
    {
        _agent = agent;
        Envs = envs;
        Steps = steps;
        _length = agent.Shape.ObservationLength;
        Observations = new float[(long)steps * envs * _length];
        Actions = new long[steps * envs];
        LogProbs = new float[steps * envs];
        Values = new float[steps * envs];
        Rewards = new float[steps * envs];
        Dones = new bool[steps * envs];
        LastValues = new float[envs];
        InitialHidden = zeros([envs, agent.Settings.Hidden], device: agent.Device).DetachFromDisposeScope();
        InitialCell = zeros([envs, agent.Settings.Hidden], device: agent.Device).DetachFromDisposeScope();
        _hidden = InitialHidden.clone().DetachFromDisposeScope();
        _cell = InitialCell.clone().DetachFromDisposeScope();
    }

    /// <summary>Environments.</summary>
    public int Envs { get; }

    /// <summary>Steps of the rollout.</summary>
    public int Steps { get; }

    /// <summary>Steps acted so far.</summary>
    public int StepsActed { get; private set; }

    /// <summary>Steps recorded so far (the rollout is full when this is <see cref="Steps"/>).</summary>
    public int StepsRecorded { get; private set; }

    /// <summary>Whether <see cref="Bootstrap"/> ran.</summary>
    public bool IsBootstrapped { get; private set; }

    internal RecurrentAgent Agent => _agent;

    internal float[] Observations { get; }

    internal long[] Actions { get; }

    internal float[] LogProbs { get; }

    internal float[] Values { get; }

    internal float[] Rewards { get; }

    internal bool[] Dones { get; }

    internal float[] LastValues { get; }

    internal Tensor InitialHidden { get; }

    internal Tensor InitialCell { get; }

    /// <summary>
    /// Chooses the actions of the next step from <paramref name="observations"/> (Envs × ObservationLength floats) into
    /// <paramref name="actions"/> (Envs): sampled from the policy with the agent's generator, or its most likely ones when
    /// <paramref name="greedy"/> (for evaluation; the generator is then untouched).
    /// </summary>
    public void Act(ReadOnlySpan<float> observations, Span<int> actions, bool greedy = false)
    {
        ThrowIfDisposed();
        Expect(StepsActed == StepsRecorded && StepsActed < Steps, "Act needs a step recorded before the next one, and the rollout not full");
        CheckLength(observations.Length, Envs * _length, nameof(observations));
        CheckLength(actions.Length, Envs, nameof(actions));
        var net = _agent.Network;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var x = tensor(observations.ToArray(), [Envs, _length]).to(_agent.Device);
        var (h, c) = net.Cell(net.Encode(x), _hidden, _cell);
        var (logits, values) = net.Heads(h);
        var logp = nn.functional.log_softmax(logits, 1);
        var chosen = greedy
            ? logits.argmax(1).cpu()
            : multinomial(logp.exp().cpu(), 1, generator: _agent.Generator).squeeze(1);
        var chosenLogp = logp.gather(1, chosen.to(_agent.Device).unsqueeze(1)).squeeze(1).cpu();
        var offset = StepsActed * Envs;
        chosen.data<long>().CopyTo(Actions.AsSpan(offset, Envs));
        chosenLogp.data<float>().CopyTo(LogProbs.AsSpan(offset, Envs));
        values.cpu().data<float>().CopyTo(Values.AsSpan(offset, Envs));
        observations.CopyTo(Observations.AsSpan(offset * _length, Envs * _length));
        for (var e = 0; e < Envs; e++)
        {
            actions[e] = (int)Actions[offset + e];
        }

        Replace(h, c);
        StepsActed++;
    }

    /// <summary>Stores the step's rewards and dones (Envs each); the recurrent state of a done environment restarts at zero.</summary>
    public void Record(ReadOnlySpan<float> rewards, ReadOnlySpan<bool> dones)
    {
        ThrowIfDisposed();
        Expect(StepsActed == StepsRecorded + 1, "Record needs an Act before it");
        CheckLength(rewards.Length, Envs, nameof(rewards));
        CheckLength(dones.Length, Envs, nameof(dones));
        var offset = StepsRecorded * Envs;
        rewards.CopyTo(Rewards.AsSpan(offset, Envs));
        dones.CopyTo(Dones.AsSpan(offset, Envs));
        if (dones.Contains(true))
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var keep = tensor(dones.ToArray().Select(d => d ? 0f : 1f).ToArray(), [Envs, 1]).to(_agent.Device);
            Replace(_hidden * keep, _cell * keep);
        }

        StepsRecorded++;
    }

    /// <summary>Overwrites a recorded reward, for rewards known only later (the adversary's regret at its episode's last step).</summary>
    public void SetReward(int step, int env, float reward)
    {
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, StepsRecorded);
        ArgumentOutOfRangeException.ThrowIfNegative(env);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(env, Envs);
        Rewards[(step * Envs) + env] = reward;
    }

    /// <summary>The value estimate of the observations after the last step (Envs × ObservationLength floats), GAE's V_T.</summary>
    public void Bootstrap(ReadOnlySpan<float> lastObservations)
    {
        ThrowIfDisposed();
        Expect(StepsRecorded == Steps, "Bootstrap needs every step recorded");
        CheckLength(lastObservations.Length, Envs * _length, nameof(lastObservations));
        var net = _agent.Network;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var x = tensor(lastObservations.ToArray(), [Envs, _length]).to(_agent.Device);
        var (h, _) = net.Cell(net.Encode(x), _hidden, _cell);
        net.Heads(h).Values.cpu().data<float>().CopyTo(LastValues);
        IsBootstrapped = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _hidden.Dispose();
        _cell.Dispose();
        InitialHidden.Dispose();
        InitialCell.Dispose();
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private void Replace(Tensor hidden, Tensor cell)
    {
        var (oldHidden, oldCell) = (_hidden, _cell);
        _hidden = hidden.DetachFromDisposeScope();
        _cell = cell.DetachFromDisposeScope();
        oldHidden.Dispose();
        oldCell.Dispose();
    }

    private void Expect(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{what} (rollout of {Steps} steps: {StepsActed} acted, {StepsRecorded} recorded)."));
        }
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} has {actual} elements; this rollout needs {expected}."), name);
        }
    }
}
