using NasOrleans.Core.Nb201;
using NasOrleans.Core.Specs;

namespace NasOrleans.Core.Spaces;

/// <summary>
/// The space kinds that specs can name (<c>space.kind</c>): <c>nb201</c>, <c>mlp</c>, <c>mobile-cnn</c>, <c>gridworld</c>
/// and <c>custom</c> (the decisions listed in the spec; also chosen when a spec lists decisions and no kind).
/// </summary>
public static class SpaceCatalog
{
    /// <summary>The kind of a space of explicit decisions.</summary>
    public const string Custom = CustomSpaceKind.KindName;

    /// <summary>The <c>mlp</c> kind's name.</summary>
    public const string Mlp = MlpSpaceKind.KindName;

    /// <summary>The <c>mobile-cnn</c> kind's name.</summary>
    public const string MobileCnn = MobileCnnSpaceKind.KindName;

    /// <summary>The <c>gridworld</c> kind's name (environment design).</summary>
    public const string Gridworld = GridworldSpaceKind.KindName;

    private static readonly SpaceKindDescriptor Nb201Descriptor =
        new(Nb201Space.KindName, "The NAS-Bench-201 cell: 6 edges, each one of 5 operations; 15625 architectures.", []);

    /// <summary>Every kind with its parameters, in order.</summary>
    public static IReadOnlyList<SpaceKindDescriptor> Descriptors { get; } =
        [Nb201Descriptor, MlpSpaceKind.Descriptor, MobileCnnSpaceKind.Descriptor, GridworldSpaceKind.Descriptor, CustomSpaceKind.Descriptor];

    /// <summary>The names of every kind, in order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [.. Descriptors.Select(d => d.Kind)];

    /// <summary>The kind named <paramref name="kind"/>, or null.</summary>
    public static SpaceKindDescriptor? Find(string? kind) =>
        Descriptors.FirstOrDefault(d => string.Equals(d.Kind, kind, StringComparison.Ordinal));

    /// <summary>The kind a spec means: its <see cref="SpaceSpec.Kind"/>, or <c>custom</c> when it gives none but lists decisions.</summary>
    public static string? EffectiveKind(SpaceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return string.IsNullOrEmpty(spec.Kind) && spec.Decisions is { Count: > 0 } ? Custom : spec.Kind;
    }

    /// <summary>
    /// Every problem of <paramref name="spec"/> (empty when valid), with field paths under <c>space</c>:
    /// the kind, its parameters, and for a custom space its decisions.
    /// </summary>
    public static IReadOnlyList<SpecError> Validate(SpaceSpec spec)
    {
        var errors = new List<SpecError>();
        Validate(spec, BrokenFields.None, errors);
        return errors;
    }

    /// <summary>
    /// The problems of the parameters of space kind <paramref name="kind"/> (empty when valid), at
    /// <c>space.parameters.{name}</c>; an unknown kind is one problem at <c>space.kind</c>.
    /// </summary>
    public static IReadOnlyList<SpecError> ValidateParameters(string kind, IReadOnlyDictionary<string, string>? parameters)
    {
        var errors = new List<SpecError>();
        if (CheckKind(kind, errors) is { } descriptor)
        {
            CheckParameters(descriptor, parameters ?? new Dictionary<string, string>(), errors);
        }

        return errors;
    }

    /// <summary>Creates the space of <paramref name="spec"/>; throws <see cref="SpecValidationException"/> listing every problem.</summary>
    public static SearchSpace Create(SpaceSpec spec)
    {
        var errors = Validate(spec);
        if (errors.Count > 0)
        {
            throw new SpecValidationException(errors);
        }

        var parameters = spec.Parameters ?? new Dictionary<string, string>();
        return EffectiveKind(spec) switch
        {
            Nb201Space.KindName => Nb201Space.Instance,
            Mlp => MlpSpaceKind.Create(parameters),
            MobileCnn => MobileCnnSpaceKind.Create(parameters),
            Gridworld => GridworldSpaceKind.Create(parameters),
            _ => CustomSpaceKind.Create(spec.Decisions),
        };
    }

    /// <summary>Adds the problems of <paramref name="spec"/> not covered by <paramref name="broken"/> to <paramref name="errors"/>.</summary>
    internal static void Validate(SpaceSpec spec, BrokenFields broken, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var found = new List<SpecError>();
        var decisions = spec.Decisions ?? [];
        var kind = EffectiveKind(spec);
        if (string.IsNullOrEmpty(kind))
        {
            found.Add(new SpecError("space.kind", $"missing; give a built-in kind ({string.Join(", ", Kinds.Where(k => k != Custom))}), or list decisions for a custom space"));
        }
        else if (CheckKind(kind, found) is { } descriptor)
        {
            CheckParameters(descriptor, spec.Parameters ?? new Dictionary<string, string>(), found);
            if (kind != Custom && decisions.Count > 0)
            {
                found.Add(new SpecError("space.decisions", $"the built-in kind '{kind}' defines its own decisions; remove decisions, or use kind custom to list your own"));
            }
            else if (kind == Custom && decisions.Count == 0)
            {
                found.Add(new SpecError("space.decisions", "a custom space needs at least one decision; list them under space.decisions"));
            }
            else if (kind == Custom)
            {
                DecisionSpecChecks.Check(decisions, "space.decisions", broken, found);
            }
        }

        errors.AddRange(found.Where(e => !broken.Covers(e.Field)));
    }

    private static SpaceKindDescriptor? CheckKind(string kind, List<SpecError> errors)
    {
        var descriptor = Find(kind);
        if (descriptor is null)
        {
            errors.Add(new SpecError("space.kind", $"unknown kind '{kind}'; {SpecSuggestions.DidYouMean(kind, Kinds)}known: {SpecSuggestions.List(Kinds)}"));
        }

        return descriptor;
    }

    private static void CheckParameters(SpaceKindDescriptor descriptor, IReadOnlyDictionary<string, string> parameters, List<SpecError> errors)
    {
        SpecParameterChecks.Check("space.parameters", $"space kind '{descriptor.Kind}'", descriptor.Parameters, parameters, errors);
        if (descriptor.Kind == Mlp)
        {
            MlpSpaceKind.CheckParameters(parameters, "space.parameters", errors);
        }
        else if (descriptor.Kind == MobileCnn)
        {
            MobileCnnSpaceKind.CheckParameters(parameters, "space.parameters", errors);
        }
        else if (descriptor.Kind == Gridworld)
        {
            GridworldSpaceKind.CheckParameters(parameters, "space.parameters", errors);
        }
    }
}
