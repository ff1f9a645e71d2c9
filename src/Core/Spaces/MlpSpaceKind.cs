using System.Globalization;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Spaces;

/// <summary>
/// The <c>mlp</c> kind, as in TabNAS: a tabular multi-layer perceptron of 1 to <c>max_layers</c> hidden
/// layers, each of a width from <c>widths</c>. Decisions: <c>layers</c>, then <c>width_1</c> … <c>width_N</c>,
/// where <c>width_k</c> is active only when <c>layers</c> is at least k.
/// </summary>
internal static class MlpSpaceKind
{
    public const string KindName = "mlp";

    /// <summary>The widest hidden layer (as mobile-cnn's widest stage).</summary>
    public const int MaxWidth = 4096;

    public static SpaceKindDescriptor Descriptor { get; } = new(
        KindName,
        "Tabular MLP (TabNAS): the number of hidden layers, then the width of each layer present.",
        [
            new ParameterDescriptor("max_layers", ParameterKind.Integer, "3", "The most hidden layers; the search picks 1 to max_layers.", Min: 1, Max: 8),
            new ParameterDescriptor("widths", ParameterKind.Text, "8,16,32,64,128,256,512", $"The widths a hidden layer may take, comma-separated positive whole numbers (at most {MaxWidth})."),
        ]);

    /// <summary>Checks what the descriptor cannot: the list of widths.</summary>
    public static void CheckParameters(IReadOnlyDictionary<string, string> given, string path, List<SpecError> errors)
    {
        if (given.TryGetValue("widths", out var text) && text is not null && ParseWidths(text, out var problem) is null)
        {
            errors.Add(new SpecError($"{path}.widths", $"{problem}; use comma-separated positive whole numbers such as 8,16,32"));
        }
    }

    public static SearchSpace Create(IReadOnlyDictionary<string, string> given)
    {
        var p = new ResolvedParameters(Descriptor.Parameters, given);
        var maxLayers = p.GetInt("max_layers");
        var widths = ParseWidths(p.GetString("widths"), out _)!;
        var decisions = new List<Decision> { Decision.Integer("layers", 1, maxLayers) };
        for (var k = 1; k <= maxLayers; k++)
        {
            var condition = k == 1
                ? null
                : new DecisionCondition("layers", [.. Enumerable.Range(k, maxLayers - k + 1).Select(n => n.ToString(CultureInfo.InvariantCulture))]);
            decisions.Add(Decision.Categorical($"width_{k}", widths, condition));
        }

        return new SearchSpace(KindName, decisions);
    }

    private static List<string>? ParseWidths(string text, out string problem) => ChoiceList.PositiveIntegers(text, MaxWidth, out problem);
}
