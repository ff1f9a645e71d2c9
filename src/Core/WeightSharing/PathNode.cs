namespace NasOrleans.Core.WeightSharing;

/// <summary>
/// A node of a multi-path network over a <c>mobile-cnn</c> space (MPNAS): the op (block type, kernel, expansion) at
/// block <see cref="Index"/> (0-based) of stage <see cref="Stage"/> (1-based). Domains whose paths pass the same node
/// share its weights (each taking the leading channels its path needs); the width is the path's, not the node's.
/// </summary>
/// <param name="Stage">The stage, from 1.</param>
/// <param name="Index">The block within the stage, from 0.</param>
/// <param name="Block">The block type, such as <c>dw_ibn</c>.</param>
/// <param name="Kernel">The kernel size.</param>
/// <param name="Expansion">The expansion ratio.</param>
public sealed record PathNode(int Stage, int Index, string Block, int Kernel, int Expansion)
{
    /// <summary>The layer the node sits in, such as <c>s2b0</c>.</summary>
    public string Layer => $"s{Stage}b{Index}";

    /// <summary>The op, such as <c>dw_ibn_k3_e6</c>.</summary>
    public string Op => $"{Block}_k{Kernel}_e{Expansion}";

    /// <inheritdoc />
    public override string ToString() => $"{Layer}/{Op}";
}
