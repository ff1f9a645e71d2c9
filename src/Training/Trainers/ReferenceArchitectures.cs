using System.Globalization;
using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Training.Trainers;

/// <summary>
/// Three fixed architectures of a space (small, medium, large) for benchmarks. mlp: 64; 256-128; 512-512-256 (the nearest
/// widths the space offers, at most its layers). mobile-cnn: one to three stages of depthwise blocks up to four stages of
/// 2–3 blocks with wider, fused and group-convolution blocks. nb201: a pooling/1x1 cell, a mixed cell, all 3x3 convolutions.
/// Other kinds: every decision at its first, middle and last value.
/// </summary>
public static class ReferenceArchitectures
{
    private static readonly string[][] MobileStages =
    [
        ["1 dw_ibn 3 1 16", "1 dw_ibn 3 3 24"],
        ["1 dw_ibn 3 1 16", "2 dw_ibn 3 3 24", "2 dw_ibn 5 3 48", "1 dw_ibn 3 6 64"],
        ["2 fused_ibn 3 3 32", "3 dw_ibn 5 6 48", "3 dw_ibn 5 6 96", "3 group_ibn 3 6 128"],
    ];

    private static readonly string[] Nb201Cells =
    [
        "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|",
        "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|",
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
    ];

    private static readonly string[] Levels = ["small", "medium", "large"];

    /// <summary>The small, medium and large architectures of <paramref name="space"/>, named <c>{kind}-{size}</c>.</summary>
    public static IReadOnlyList<(string Name, Architecture Architecture)> Of(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return [.. Enumerable.Range(0, Levels.Length).Select(level => ($"{space.Kind}-{Levels[level]}", Build(space, level)))];
    }

    private static Architecture Build(SearchSpace space, int level)
    {
        if (space.Kind == Nb201Space.KindName)
        {
            return Nb201Space.ParseArchString(Nb201Cells[level]);
        }

        var wanted = space.Kind switch
        {
            SpaceCatalog.Mlp => MlpDescription(level),
            SpaceCatalog.MobileCnn => MobileDescription(level),
            _ => [],
        };
        var values = new double[space.Decisions.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = !space.IsActive(i, values) ? double.NaN
                : wanted.TryGetValue(space.Decisions[i].Name, out var text) ? Nearest(space.Decisions[i], text, level)
                : AtLevel(space.Decisions[i], level);
        }

        return new Architecture(values);
    }

    private static Dictionary<string, string> MlpDescription(int level)
    {
        int[][] widths = [[64], [256, 128], [512, 512, 256]];
        var description = new Dictionary<string, string> { ["layers"] = $"{widths[level].Length}" };
        for (var k = 0; k < widths[level].Length; k++)
        {
            description[$"width_{k + 1}"] = $"{widths[level][k]}";
        }

        return description;
    }

    private static Dictionary<string, string> MobileDescription(int level)
    {
        var description = new Dictionary<string, string>();
        for (var s = 0; s < 7; s++)
        {
            var parts = (s < MobileStages[level].Length ? MobileStages[level][s] : "0").Split(' ');
            description[$"s{s + 1}_depth"] = parts[0];
            if (parts.Length == 5)
            {
                (description[$"s{s + 1}_block"], description[$"s{s + 1}_kernel"], description[$"s{s + 1}_expansion"], description[$"s{s + 1}_width"]) =
                    (parts[1], parts[2], parts[3], parts[4]);
            }
        }

        return description;
    }

    /// <summary>The value of <paramref name="text"/>, else the nearest numeric choice or clamped integer, else the level's value.</summary>
    private static double Nearest(Decision decision, string text, int level)
    {
        if (decision.Parse(text) is { } exact)
        {
            return exact;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return AtLevel(decision, level);
        }

        if (decision.Kind == DecisionKind.Categorical)
        {
            var numeric = decision.Choices
                .Select((c, i) => (Ok: double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var v), Value: v, Index: i))
                .Where(c => c.Ok)
                .ToList();
            return numeric.Count == 0 ? AtLevel(decision, level) : numeric.MinBy(c => Math.Abs(c.Value - number)).Index;
        }

        var clamped = Math.Clamp(number, decision.Min, decision.Max);
        return decision.Kind == DecisionKind.Integer ? decision.Min + (Math.Round((clamped - decision.Min) / decision.Step) * decision.Step) : clamped;
    }

    private static double AtLevel(Decision decision, int level)
    {
        var fraction = level / (double)(Levels.Length - 1);
        return decision.Kind switch
        {
            DecisionKind.Categorical => Math.Round(fraction * (decision.Choices.Count - 1)),
            DecisionKind.Integer => decision.Min + (Math.Round(fraction * (decision.Cardinality!.Value - 1)) * decision.Step),
            _ => decision.Min + (fraction * (decision.Max - decision.Min)),
        };
    }
}
