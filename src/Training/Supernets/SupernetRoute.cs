using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;

namespace NasOrleans.Training.Supernets;

/// <summary>
/// A path through the supernet: the stand-alone <see cref="MobileCnnPlan"/> of an architecture, with the supernet
/// position (stage, block index within the stage) of each of its blocks. A stage of depth d uses the positions
/// 0 to d-1 of that stage; depth 0 skips the stage, as the stand-alone network does.
/// </summary>
internal sealed record SupernetRoute(MobileCnnPlan Plan, IReadOnlyList<(int Stage, int Index, MobileBlockPlan Block)> Blocks)
{
    /// <summary>The route of <paramref name="architecture"/>, whose blocks are exactly those <see cref="MobileCnnPlan.From"/> lays out.</summary>
    public static SupernetRoute From(SearchSpace space, Architecture architecture, InputShape input, int classes)
    {
        ModelBuilder.Check(space, architecture, input, classes);
        var plan = MobileCnnPlan.From(space, architecture, input, classes);
        var reader = new DescriptionReader(space, architecture);
        var blocks = new List<(int, int, MobileBlockPlan)>();
        for (var stage = 1; space.IndexOf(SupernetChoices.Name(stage, "depth")) >= 0; stage++)
        {
            var depth = reader.Int(SupernetChoices.Name(stage, "depth"));
            for (var i = 0; i < depth; i++)
            {
                blocks.Add((stage, i, plan.Blocks[blocks.Count]));
            }
        }

        if (blocks.Count != plan.Blocks.Count)
        {
            throw new InvalidOperationException($"The route has {blocks.Count} blocks; the plan has {plan.Blocks.Count}.");
        }

        return new SupernetRoute(plan, blocks);
    }
}
