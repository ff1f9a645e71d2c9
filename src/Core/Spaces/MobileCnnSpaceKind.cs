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
        ]);

    public static SearchSpace Create(IReadOnlyDictionary<string, string> given)
    {
        var stages = new ResolvedParameters(Descriptor.Parameters, given).GetInt("stages");
        var decisions = new List<Decision>();
        for (var s = 1; s <= stages; s++)
        {
            var present = new DecisionCondition($"s{s}_depth", ["1", "2", "3"]);
            decisions.Add(Decision.Integer($"s{s}_depth", 0, 3));
            decisions.Add(Decision.Categorical($"s{s}_block", Blocks, present));
            decisions.Add(Decision.Categorical($"s{s}_kernel", Kernels, present));
            decisions.Add(Decision.Categorical($"s{s}_expansion", Expansions, present));
            decisions.Add(Decision.Categorical($"s{s}_width", Widths, present));
        }

        return new SearchSpace(KindName, decisions);
    }
}
