namespace NasOrleans.Core.Specs;

/// <summary>
/// The fields the parser could not read. The validator stays quiet about them and about checks that
/// depend on them, so each problem is reported once, by whoever saw it first.
/// </summary>
internal sealed class BrokenFields
{
    private readonly HashSet<string> _fields = new(StringComparer.Ordinal);

    /// <summary>No field is broken (a spec built in code).</summary>
    public static BrokenFields None { get; } = new();

    /// <summary>Whether nothing is broken.</summary>
    public bool IsEmpty => _fields.Count == 0;

    /// <summary>Marks <paramref name="field"/> (and so everything under it) as broken.</summary>
    public void Add(string field) => _fields.Add(field);

    /// <summary>Whether exactly <paramref name="field"/> is broken.</summary>
    public bool Contains(string field) => _fields.Contains(field);

    /// <summary>Whether <paramref name="field"/> is broken or lies under a broken field.</summary>
    public bool Covers(string field) => _fields.Any(b => IsUnder(field, b));

    /// <summary>Whether <paramref name="field"/> or anything under it is broken.</summary>
    public bool AnyUnder(string field) => _fields.Any(b => IsUnder(b, field) || IsUnder(field, b));

    private static bool IsUnder(string field, string parent) =>
        field.StartsWith(parent, StringComparison.Ordinal) &&
        (field.Length == parent.Length || field[parent.Length] is '.' or '[');
}
