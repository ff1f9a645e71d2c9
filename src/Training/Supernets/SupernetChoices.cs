using System.Globalization;
using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;

namespace NasOrleans.Training.Supernets;

/// <summary>
/// The choices a <c>mobile-cnn</c> space offers at every searchable position (all its stages share the same lists),
/// read from the decisions <c>s{k}_depth</c>, <c>s{k}_block</c>, <c>s{k}_kernel</c>, <c>s{k}_expansion</c>, <c>s{k}_width</c>.
/// </summary>
internal sealed record SupernetChoices(
    int Stages,
    int MaxDepth,
    IReadOnlyList<string> Blocks,
    IReadOnlyList<int> Kernels,
    IReadOnlyList<int> Expansions,
    IReadOnlyList<int> Widths)
{
    /// <summary>The most channels any path gives the head (the stem's when every stage is skipped).</summary>
    public int MaxLastChannels => Math.Max(MobileCnnPlan.StemChannels, Widths.Max());

    /// <summary>Reads the choices of <paramref name="space"/>; throws for a space of another kind.</summary>
    public static SupernetChoices From(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space.Kind != SpaceCatalog.MobileCnn)
        {
            throw new ArgumentException($"A supernet is built over a '{SpaceCatalog.MobileCnn}' space; this one is '{space.Kind}'.", nameof(space));
        }

        var stages = 0;
        while (space.IndexOf(Name(stages + 1, "depth")) >= 0)
        {
            stages++;
        }

        var depth = space.Decisions[space.IndexOf(Name(1, "depth"))];
        return new SupernetChoices(
            stages,
            (int)depth.Max,
            Choices(space, "block"),
            [.. Choices(space, "kernel").Select(Parse)],
            [.. Choices(space, "expansion").Select(Parse)],
            [.. Choices(space, "width").Select(Parse)]);
    }

    /// <summary>
    /// The most input channels block <paramref name="index"/> (0-based) of stage <paramref name="stage"/> (1-based) can
    /// get: a stage's later blocks get its width; its first block gets the stem's channels or any earlier stage's width.
    /// </summary>
    public int MaxInputs(int stage, int index) =>
        index > 0 ? Widths.Max() : stage == 1 ? MobileCnnPlan.StemChannels : MaxLastChannels;

    /// <summary>The decision name <c>s{stage}_{decision}</c>.</summary>
    public static string Name(int stage, string decision) => string.Create(CultureInfo.InvariantCulture, $"s{stage}_{decision}");

    private static IReadOnlyList<string> Choices(SearchSpace space, string decision) => space.Decisions[space.IndexOf(Name(1, decision))].Choices;

    private static int Parse(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
