using System.Text.RegularExpressions;

namespace NasOrleans.Storage;

/// <summary>
/// What an artifact may be called: 1 to <see cref="MaxLength"/> characters of letters, digits, '.', '_', '-' and '/',
/// where '/' separates non-empty segments that are not "." or ".." (for example <c>supernet/checkpoint</c>). The rule
/// is narrow enough for every backend (a database key, an object store's blob name, a file path).
/// </summary>
public static partial class ArtifactNames
{
    /// <summary>The longest name allowed.</summary>
    public const int MaxLength = 256;

    /// <summary>Whether <paramref name="name"/> follows the rule.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when the name is valid.</returns>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength }
        && Allowed().IsMatch(name)
        && name.Split('/').All(segment => segment is not ("" or "." or ".."));

    /// <summary>Throws when <paramref name="name"/> does not follow the rule.</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="ArgumentException">The name is invalid (the message says the rule).</exception>
    public static void EnsureValid(string? name)
    {
        if (!IsValid(name))
        {
            var shown = name is null ? "null" : name.Length > 64 ? $"'{name[..64]}...' ({name.Length} characters)" : $"'{name}'";
            throw new ArgumentException(
                $"Artifact name {shown} is invalid: use 1 to {MaxLength} characters of A-Z, a-z, 0-9, '.', '_', '-' and '/', with '/' between non-empty segments other than '.' and '..'.",
                nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._/-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}
