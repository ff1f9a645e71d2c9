using System.Globalization;
using NasOrleans.Core.Paired;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Spaces;

/// <summary>
/// The <c>gridworld</c> kind: the levels an environment-design study (<c>paired</c>, <c>minimax</c>,
/// <c>domain-randomization</c>) builds, as the PAIRED adversary places them, one cell index of the interior per
/// decision: <c>wall_1</c> … <c>wall_k</c>, then <c>goal</c>, then <c>agent</c>.
/// </summary>
internal static class GridworldSpaceKind
{
    public const string KindName = "gridworld";

    public static SpaceKindDescriptor Descriptor { get; } = new(
        KindName,
        "MiniGrid-style levels for environment design (PAIRED): walls, then the goal, then the agent, each a cell of the interior.",
        [
            new ParameterDescriptor("size", ParameterKind.Text, GridSize.Mini.Name, "The grid: mini (6x6, 4x4 interior, 50 student steps), medium (10x10, 200) or full (15x15, 250), as the reference code's.", Choices: [.. GridSize.All.Select(s => s.Name)]),
            new ParameterDescriptor("walls", ParameterKind.Integer, "0", "Walls the adversary (or domain randomization) places per level; 0 takes the size's budget (mini 7, medium 30, full 50). At most the interior's cells minus 2.", Min: 0, Max: 10_000),
        ]);

    /// <summary>Checks what the descriptor cannot: the walls fit the size.</summary>
    public static void CheckParameters(IReadOnlyDictionary<string, string> given, string path, List<SpecError> errors)
    {
        if (!given.TryGetValue("walls", out var text) || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var walls))
        {
            return;
        }

        var size = given.TryGetValue("size", out var name) ? GridSize.All.FirstOrDefault(s => s.Name == name) : GridSize.Mini;
        if (size is not null && walls > size.Cells - 2)
        {
            errors.Add(new SpecError($"{path}.walls", $"{walls} walls do not fit the {size.Name} grid's {size.Cells} interior cells with a goal and an agent; use at most {size.Cells - 2}"));
        }
    }

    /// <summary>The size and wall count of a gridworld space's parameters (the wall budget resolved).</summary>
    public static (GridSize Size, int Walls) Resolve(IReadOnlyDictionary<string, string>? given)
    {
        var p = new ResolvedParameters(Descriptor.Parameters, given);
        var size = GridSize.Parse(p.GetString("size"));
        var walls = p.GetInt("walls");
        return (size, walls == 0 ? size.MaxWalls : walls);
    }

    public static SearchSpace Create(IReadOnlyDictionary<string, string> given)
    {
        var (size, walls) = Resolve(given);
        var decisions = new List<Decision>();
        for (var k = 1; k <= walls; k++)
        {
            decisions.Add(Decision.Integer($"wall_{k}", 0, size.Cells - 1));
        }

        decisions.Add(Decision.Integer("goal", 0, size.Cells - 1));
        decisions.Add(Decision.Integer("agent", 0, size.Cells - 1));
        return new SearchSpace(KindName, decisions);
    }
}
