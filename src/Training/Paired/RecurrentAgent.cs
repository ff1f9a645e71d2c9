using NasOrleans.Training.Devices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Paired;

/// <summary>
/// A recurrent PPO agent, as the adversary, protagonist and antagonist of PAIRED (Dennis et al. 2020; ucl-dark/paired):
/// flat float observations of <see cref="Shape"/> in, discrete actions out, batched over environments. Collect a rollout with
/// <see cref="BeginRollout"/> and learn from it with <see cref="Update"/>; <see cref="Save"/> and <see cref="Load"/> carry
/// everything that decides what comes next (parameters, Adam's state, the random generator, the update count).
/// </summary>
/// <remarks>
/// Deterministic for a seed: the initial parameters, the sampled actions and the minibatch shuffles all come from the
/// agent's own CPU <see cref="Generator"/>, never libtorch's global one, so agents in one process do not disturb each other.
/// Not thread-safe: one caller at a time, one rollout at a time.
/// </remarks>
public sealed partial class RecurrentAgent : IDisposable
{
    private readonly RecurrentPolicyNetwork _net;
    private readonly Adam _optimizer;
    private readonly Generator _generator;
    private bool _disposed;

    /// <summary>Creates an agent whose parameters are drawn from <paramref name="seed"/>, on <paramref name="device"/> (see <see cref="DeviceSelector.Choose"/>).</summary>
    /// <exception cref="ArgumentException">The shape or the settings are out of range (the message names the field).</exception>
    public RecurrentAgent(AgentShape shape, PpoSettings settings, int seed, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(settings);
        shape.Validate();
        settings.Validate();
        Shape = shape;
        Settings = settings;
        Device = DeviceSelector.Choose(device);
        _generator = new Generator(unchecked((ulong)(uint)seed) ^ 0x5041495245445050UL);
        _net = new RecurrentPolicyNetwork(shape, settings.Hidden, _generator, Device);
        _optimizer = optim.Adam(_net.Ordered, settings.LearningRate, eps: AdamEpsilon);
    }

    /// <summary>Adam's ε, as in the reference code.</summary>
    public const double AdamEpsilon = 1e-5;

    /// <summary>What the agent sees and does.</summary>
    public AgentShape Shape { get; }

    /// <summary>Its PPO settings.</summary>
    public PpoSettings Settings { get; }

    /// <summary>The device its parameters live on.</summary>
    public Device Device { get; }

    /// <summary>Completed <see cref="Update"/> calls.</summary>
    public int Updates { get; private set; }

    /// <summary>Every parameter value, parameter after parameter in a fixed order (for comparisons and checksums).</summary>
    public float[] ParameterValues()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var scope = NewDisposeScope();
        return [.. _net.Ordered.SelectMany(p => p.detach().cpu().data<float>().ToArray())];
    }

    /// <summary>Starts a rollout of <paramref name="steps"/> steps over <paramref name="envs"/> environments, the recurrent state at zero.</summary>
    public AgentRollout BeginRollout(int envs, int steps)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(envs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        return new AgentRollout(this, envs, steps);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _optimizer.Dispose();
        _net.Dispose();
        _generator.Dispose();
    }

    internal RecurrentPolicyNetwork Network
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _net;
        }
    }

    internal Generator Generator => _generator;
}
