using NasOrleans.Core.Nb201;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Models;

/// <summary>
/// A NAS-Bench-201 cell of <c>channels</c> channels: node 0 is the input, node j the sum over i &lt; j of
/// op_ij(node i), node 3 the output. <c>none</c> adds nothing (a node with no other input is zero),
/// <c>skip_connect</c> is the identity, <c>nor_conv_1x1</c> and <c>nor_conv_3x3</c> are ReLU-Conv-BN, and
/// <c>avg_pool_3x3</c> is a 3x3 average pooling (stride 1, padding 1, padding not counted).
/// </summary>
internal sealed class Nb201Cell : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> operations;
    private readonly List<(int To, int From, int Module)> _edges = [];

    /// <summary>The cell of the 6 edge <paramref name="edgeOperations"/> (in <see cref="Nb201Space.Edges"/> order).</summary>
    public Nb201Cell(IReadOnlyList<string> edgeOperations, long channels)
        : base(nameof(Nb201Cell))
    {
        var modules = new ModuleList<nn.Module<Tensor, Tensor>>();
        for (var i = 0; i < Nb201Space.Edges.Count; i++)
        {
            var (to, from) = Nb201Space.Edges[i];
            nn.Module<Tensor, Tensor>? module = edgeOperations[i] switch
            {
                "nor_conv_1x1" => ReluConvBn(channels, channels, 1, 1),
                "nor_conv_3x3" => ReluConvBn(channels, channels, 3, 1),
                "avg_pool_3x3" => nn.AvgPool2d(3, stride: 1, padding: 1, count_include_pad: false),
                _ => null,
            };
            if (module is not null)
            {
                modules.Add(module);
            }

            if (edgeOperations[i] != Nb201Plan.None)
            {
                _edges.Add((to, from, module is null ? -1 : modules.Count - 1));
            }
        }

        operations = modules;
        RegisterComponents();
    }

    /// <summary>ReLU, a k x k convolution without bias (padding k/2), batch norm.</summary>
    public static nn.Module<Tensor, Tensor> ReluConvBn(long inputs, long outputs, long kernel, long stride) =>
        nn.Sequential(
            nn.ReLU(),
            nn.Conv2d(inputs, outputs, kernel, stride: stride, padding: kernel / 2, bias: false),
            nn.BatchNorm2d(outputs));

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var nodes = new Tensor[4];
        nodes[0] = input;
        for (var node = 1; node <= 3; node++)
        {
            Tensor? sum = null;
            foreach (var (to, from, module) in _edges)
            {
                if (to != node)
                {
                    continue;
                }

                var term = module < 0 ? nodes[from].alias() : operations[module].call(nodes[from]);
                if (sum is null)
                {
                    sum = term;
                    continue;
                }

                var next = sum.add(term);
                sum.Dispose();
                term.Dispose();
                sum = next;
            }

            nodes[node] = sum ?? zeros_like(input);
        }

        nodes[1].Dispose();
        nodes[2].Dispose();
        return nodes[3];
    }
}
