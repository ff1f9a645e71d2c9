using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Spaces;

/// <summary>
/// The <c>mobile-cnn</c> kind: MobileNetV2/V3-like stages (as searched by MnasNet and TuNAS). Per stage s:
/// <c>s{s}_depth</c> (0 to 3 blocks; 0 skips the stage, an identity), then, active only when the stage is
/// present, <c>s{s}_block</c> (depthwise, fused or group-convolution inverted bottleneck),
/// <c>s{s}_kernel</c>, <c>s{s}_expansion</c> and <c>s{s}_width</c>. The depth comes first because a
/// condition may refer only to an earlier decision.
/// </summary>
internal static class MobileCnnSpaceKind
{
    public const string KindName = "mobile-cnn";

    public static readonly IReadOnlyList<string> Blocks = ["dw_ibn", "fused_ibn", "group_ibn"];
    public static readonly IReadOnlyList<string> Kernels = ["3", "5"];
    public static readonly IReadOnlyList<string> Expansions = ["1", "3", "6"];
    public static readonly IReadOnlyList<string> Widths = ["16", "24", "32", "48", "64", "96", "128"];

    public static SpaceKindDescriptor Descriptor { get; } = new(
        KindName,
        "MobileNetV2/V3-like stages: block type, kernel, expansion, width and depth (0 skips the stage) per stage.",
        [
            new ParameterDescriptor("stages", ParameterKind.Integer, "4", "Number of searchable stages.", Min: 1, Max: 7),
            new ParameterDescriptor("max_depth", ParameterKind.Integer, "3", "Most blocks per stage.", Min: 1, Max: 8),
            new ParameterDescriptor("blocks", ParameterKind.Text, string.Join(',', Blocks), "Block types to choose from, comma-separated: dw_ibn, fused_ibn, group_ibn."),
            new ParameterDescriptor("kernels", ParameterKind.Text, string.Join(',', Kernels), "Kernel sizes, comma-separated odd whole numbers."),
            new ParameterDescriptor("expansions", ParameterKind.Text, string.Join(',', Expansions), "Expansion ratios, comma-separated whole numbers."),
            new ParameterDescriptor("widths", ParameterKind.Text, string.Join(',', Widths), "Output channels of a stage, comma-separated whole numbers."),
        ]);

    /// <summary>Checks what the descriptor cannot: the lists.</summary>
    public static void CheckParameters(IReadOnlyDictionary<string, string> given, string path, List<SpecError> errors)
    {
        foreach (var (name, text) in given)
        {
            var problem = name switch
            {
                "blocks" => ChoiceList.Names(text, Blocks, out var p) is null ? p : null,
                "kernels" => ChoiceList.PositiveIntegers(text, 15, out var p) is not { } k ? p : k.FirstOrDefault(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) % 2 == 0) is { } even ? $"kernel {even} is even; kernels are odd" : null,
                "expansions" => ChoiceList.PositiveIntegers(text, 16, out var p) is null ? p : null,
                "widths" => ChoiceList.PositiveIntegers(text, 4096, out var p) is null ? p : null,
                _ => null,
            };
            if (problem is not null)
            {
                errors.Add(new SpecError($"{path}.{name}", problem));
            }
        }
    }

    public static SearchSpace Create(IReadOnlyDictionary<string, string> given)
    {
        var p = new ResolvedParameters(Descriptor.Parameters, given);
        var stages = p.GetInt("stages");
        var maxDepth = p.GetInt("max_depth");
        var blocks = ChoiceList.Names(p.GetString("blocks"), Blocks, out _)!;
        var kernels = ChoiceList.PositiveIntegers(p.GetString("kernels"), 15, out _)!;
        var expansions = ChoiceList.PositiveIntegers(p.GetString("expansions"), 16, out _)!;
        var widths = ChoiceList.PositiveIntegers(p.GetString("widths"), 4096, out _)!;
        var depths = Enumerable.Range(1, maxDepth).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var decisions = new List<Decision>();
        for (var s = 1; s <= stages; s++)
        {
            var present = new DecisionCondition($"s{s}_depth", depths);
            decisions.Add(Decision.Integer($"s{s}_depth", 0, maxDepth));
            decisions.Add(Decision.Categorical($"s{s}_block", blocks, present));
            decisions.Add(Decision.Categorical($"s{s}_kernel", kernels, present));
            decisions.Add(Decision.Categorical($"s{s}_expansion", expansions, present));
            decisions.Add(Decision.Categorical($"s{s}_width", widths, present));
        }

        return new SearchSpace(KindName, decisions);
    }
}
