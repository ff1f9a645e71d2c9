using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Paired;

/// <summary>
/// The network of a <see cref="RecurrentAgent"/>: a 3×3 convolution of <see cref="Filters"/> filters (padding 1, ReLU) over
/// the image when there is one, flattened, beside a linear embedding of the extras (<see cref="ExtraEmbedding"/> units), into
/// an LSTM cell; a policy head and a value head (each <see cref="HeadHidden"/> ReLU units, then linear) read its hidden state.
/// Parameters are plain tensors drawn from the agent's own CPU generator (PyTorch's default ranges, ±1/√fan-in; the policy's
/// last layer ×0.01 so the first policy is near uniform), so building one never touches libtorch's global generator.
/// </summary>
internal sealed class RecurrentPolicyNetwork : nn.Module
{
    public const int Filters = 16;
    public const int ExtraEmbedding = 16;
    public const int HeadHidden = 32;

    private readonly AgentShape _shape;
    private readonly List<Parameter> _ordered = [];
    private readonly Parameter? _convW, _convB, _extraW, _extraB;
    private readonly Parameter _wIh, _wHh, _bIh, _bHh, _a1W, _a1B, _a2W, _a2B, _c1W, _c1B, _c2W, _c2B;

    public RecurrentPolicyNetwork(AgentShape shape, int hidden, Generator generator, Device device)
        : base(nameof(RecurrentPolicyNetwork))
    {
        _shape = shape;
        Hidden = hidden;
        var input = 0;
        if (shape.Planes > 0)
        {
            var fanIn = shape.Planes * 9;
            _convW = Add("conv_w", generator, device, fanIn, 1, Filters, shape.Planes, 3, 3);
            _convB = Add("conv_b", generator, device, fanIn, 1, Filters);
            input += Filters * shape.Height * shape.Width;
        }

        if (shape.Extras > 0)
        {
            _extraW = Add("extra_w", generator, device, shape.Extras, 1, ExtraEmbedding, shape.Extras);
            _extraB = Add("extra_b", generator, device, shape.Extras, 1, ExtraEmbedding);
            input += ExtraEmbedding;
        }

        _wIh = Add("lstm_w_ih", generator, device, hidden, 1, 4 * hidden, input);
        _wHh = Add("lstm_w_hh", generator, device, hidden, 1, 4 * hidden, hidden);
        _bIh = Add("lstm_b_ih", generator, device, hidden, 1, 4 * hidden);
        _bHh = Add("lstm_b_hh", generator, device, hidden, 1, 4 * hidden);
        _a1W = Add("actor1_w", generator, device, hidden, 1, HeadHidden, hidden);
        _a1B = Add("actor1_b", generator, device, hidden, 1, HeadHidden);
        _a2W = Add("actor2_w", generator, device, HeadHidden, 0.01, shape.Actions, HeadHidden);
        _a2B = Add("actor2_b", generator, device, HeadHidden, 0, shape.Actions);
        _c1W = Add("critic1_w", generator, device, hidden, 1, HeadHidden, hidden);
        _c1B = Add("critic1_b", generator, device, hidden, 1, HeadHidden);
        _c2W = Add("critic2_w", generator, device, HeadHidden, 1, 1, HeadHidden);
        _c2B = Add("critic2_b", generator, device, HeadHidden, 1, 1);
    }

    /// <summary>Units of the LSTM cell.</summary>
    public int Hidden { get; }

    /// <summary>Every parameter in a fixed order (the order they are saved in).</summary>
    public IReadOnlyList<Parameter> Ordered => _ordered;

    /// <summary>Features of observations [batch, ObservationLength] → [batch, LSTM input].</summary>
    public Tensor Encode(Tensor observations)
    {
        var parts = new List<Tensor>(2);
        var image = _shape.ImageLength;
        if (_convW is not null)
        {
            var x = observations[.., ..image].reshape(-1, _shape.Planes, _shape.Height, _shape.Width);
            parts.Add(nn.functional.relu(nn.functional.conv2d(x, _convW, _convB, padding: [1, 1])).flatten(1));
        }

        if (_extraW is not null)
        {
            parts.Add(nn.functional.linear(observations[.., image..], _extraW, _extraB));
        }

        return parts.Count == 1 ? parts[0] : cat(parts, 1);
    }

    /// <summary>One LSTM cell step (PyTorch's gate order i, f, g, o): the next (hidden, cell).</summary>
    public (Tensor Hidden, Tensor Cell) Cell(Tensor input, Tensor hidden, Tensor cell)
    {
        var gates = nn.functional.linear(input, _wIh, _bIh) + nn.functional.linear(hidden, _wHh, _bHh);
        var g = gates.chunk(4, 1);
        var c = (g[1].sigmoid() * cell) + (g[0].sigmoid() * g[2].tanh());
        return (g[3].sigmoid() * c.tanh(), c);
    }

    /// <summary>Policy logits [batch, Actions] and values [batch] of hidden states [batch, Hidden].</summary>
    public (Tensor Logits, Tensor Values) Heads(Tensor hidden)
    {
        var logits = nn.functional.linear(nn.functional.relu(nn.functional.linear(hidden, _a1W, _a1B)), _a2W, _a2B);
        var values = nn.functional.linear(nn.functional.relu(nn.functional.linear(hidden, _c1W, _c1B)), _c2W, _c2B).squeeze(1);
        return (logits, values);
    }

    /// <summary>
    /// Replays sequences: observations [steps, batch, ObservationLength], masks [steps, batch] (0 where the state resets before
    /// that step), from (<paramref name="hidden"/>, <paramref name="cell"/>) [batch, Hidden]; logits [steps·batch, Actions] and
    /// values [steps·batch], step-major.
    /// </summary>
    public (Tensor Logits, Tensor Values) Replay(Tensor observations, Tensor masks, Tensor hidden, Tensor cell)
    {
        var steps = observations.shape[0];
        var batch = observations.shape[1];
        var features = Encode(observations.reshape(steps * batch, -1)).reshape(steps, batch, -1);
        var outputs = new Tensor[steps];
        for (var t = 0; t < steps; t++)
        {
            var keep = masks[t].unsqueeze(1);
            (hidden, cell) = Cell(features[t], hidden * keep, cell * keep);
            outputs[t] = hidden;
        }

        return Heads(stack(outputs).reshape(steps * batch, Hidden));
    }

    private Parameter Add(string name, Generator generator, Device device, int fanIn, double scale, params long[] shape)
    {
        var bound = scale / Math.Sqrt(fanIn);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var values = ((rand(shape, generator: generator) * 2) - 1) * bound;
        var p = new Parameter(values.to(device).detach().clone(), requires_grad: true);
        p.DetachFromDisposeScope();
        register_parameter(name, p);
        _ordered.Add(p);
        return p;
    }
}
