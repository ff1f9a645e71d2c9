using NasOrleans.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets;

/// <summary>
/// A searchable position of the supernet (one block of one stage): one <see cref="CandidateBlock"/> per block type,
/// kernel and expansion the space allows, shared by every path that reaches the position. A path picks one op and
/// adds the input when its block is residual (stride 1, as many channels in as out), as the stand-alone block does.
/// </summary>
internal sealed class SupernetPosition : nn.Module
{
    private readonly ModuleDict<CandidateBlock> ops;
    private readonly IReadOnlyList<(string Block, int Kernel, int Expansion)> _candidates;

    /// <summary>The ops of block <paramref name="index"/> (0-based) of stage <paramref name="stage"/> (1-based).</summary>
    public SupernetPosition(SupernetChoices choices, int stage, int index, int domains)
        : base(nameof(SupernetPosition))
    {
        ArgumentNullException.ThrowIfNull(choices);
        _candidates = [.. from b in choices.Blocks from k in choices.Kernels from e in choices.Expansions select (b, k, e)];
        var maxInputs = choices.MaxInputs(stage, index);
        var maxOutputs = choices.Widths.Max();
        ops = nn.ModuleDict(_candidates
            .Select(c => (CandidateBlock.Key(c.Block, c.Kernel, c.Expansion), new CandidateBlock(c.Block, c.Kernel, c.Expansion, maxInputs, maxOutputs, domains)))
            .ToArray());
        RegisterComponents();
    }

    /// <summary>How many candidate ops the position holds.</summary>
    public int CandidateCount => _candidates.Count;

    /// <summary>
    /// The block of <paramref name="plan"/> applied to <paramref name="input"/>; with <paramref name="allOps"/> every
    /// candidate op runs on the input and their outputs are averaged (TuNAS's op warmup: the one-hot op mask replaced
    /// by the uniform one), each op with the path's channels and stride.
    /// </summary>
    public Tensor Apply(Tensor input, MobileBlockPlan plan, int domain, bool allOps, PathRecorder? recorder)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var output = allOps ? Average(input, plan, domain) : ops[CandidateBlock.Key(plan.Block, plan.Kernel, plan.Expansion)].Apply(input, plan, domain, recorder);
        return plan.Residual ? output.add(input) : output.alias();
    }

    private Tensor Average(Tensor input, MobileBlockPlan plan, int domain)
    {
        Tensor? sum = null;
        foreach (var (block, kernel, expansion) in _candidates)
        {
            var groups = block == MobileCnnPlan.GroupBlock && plan.Inputs % MobileCnnPlan.GroupCount == 0 && plan.Outputs % MobileCnnPlan.GroupCount == 0
                ? MobileCnnPlan.GroupCount
                : 1;
            var candidate = plan with { Block = block, Kernel = kernel, Expansion = expansion, Groups = groups };
            using var output = ops[CandidateBlock.Key(block, kernel, expansion)].Apply(input, candidate, domain, null);
            if (sum is null)
            {
                sum = output.mul(1.0 / _candidates.Count);
            }
            else
            {
                using var previous = sum;
                sum = previous.add(output, 1.0 / _candidates.Count);
            }
        }

        return sum!;
    }
}
