using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Training.Models;

/// <summary>
/// The layout of the NAS-Bench-201 network (its <c>TinyNetwork</c>) for a cell: the 6 edge operations in
/// <see cref="Nb201Space.Edges"/> order, the network size, the input and the classes.
/// </summary>
internal sealed record Nb201Plan(IReadOnlyList<string> Operations, Nb201NetworkOptions Options, InputShape Input, int Classes)
{
    /// <summary>The edge operation that contributes nothing (the zero operation).</summary>
    public const string None = "none";

    /// <summary>The plan of <paramref name="architecture"/>: decisions <c>edge_{to}_{from}</c>.</summary>
    public static Nb201Plan From(SearchSpace space, Architecture architecture, InputShape input, int classes, Nb201NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        var reader = new DescriptionReader(space, architecture);
        var operations = Nb201Space.Edges.Select(e => reader.Text($"edge_{e.To}_{e.From}")).ToList();
        foreach (var op in operations.Where(op => !Nb201Space.Operations.Contains(op)))
        {
            throw new ArgumentException($"'{op}' is not a NAS-Bench-201 operation; known: {string.Join(", ", Nb201Space.Operations)}.", nameof(architecture));
        }

        return new Nb201Plan(operations, options, input, classes);
    }

    /// <summary>
    /// Adds the network as NAS-Bench-201's counter does (and <see cref="Nb201CostModel"/> reproduces): convolutions,
    /// batch norms, and the classifier whose bias also counts as FLOPs.
    /// </summary>
    public void AddCost(CostCounter counter)
    {
        long height = Input.Height, width = Input.Width;
        long channels = Options.Channels;
        counter.Convolution(Input.Channels, channels, 3, 1, height, width);
        counter.BatchNorm(channels);
        for (var stage = 0; stage < 3; stage++)
        {
            var stageChannels = (long)Options.Channels << stage;
            if (stage > 0)
            {
                (height, width) = ((height + 1) / 2, (width + 1) / 2);
                counter.Convolution(channels, stageChannels, 3, 1, height, width);
                counter.BatchNorm(stageChannels);
                counter.Convolution(stageChannels, stageChannels, 3, 1, height, width);
                counter.BatchNorm(stageChannels);
                counter.Convolution(channels, stageChannels, 1, 1, height, width);
                channels = stageChannels;
            }

            for (var cell = 0; cell < Options.CellsPerStage; cell++)
            {
                foreach (var op in Operations)
                {
                    var kernel = op switch { "nor_conv_1x1" => 1, "nor_conv_3x3" => 3, _ => 0 };
                    if (kernel > 0)
                    {
                        counter.Convolution(channels, channels, kernel, 1, height, width);
                        counter.BatchNorm(channels);
                    }
                }
            }
        }

        counter.BatchNorm(channels);
        counter.Linear(channels, Classes, biasFlops: true);
    }
}
