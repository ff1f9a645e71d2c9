using System.Globalization;
using System.Text;

namespace NasOrleans.Core.Specs;

/// <summary>
/// The limits of a study spec, so that hostile or mistaken specs fail fast with an error that names the limit instead of
/// taking the process down: the size of the text (checked before parsing), the nesting depth, the size YAML aliases expand
/// to, the number of decisions of a space and the number of values of one categorical decision.
/// </summary>
public static class SpecLimits
{
    /// <summary>The largest spec, in bytes of UTF-8 text (1 MiB); YAML aliases may not expand it past this either.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The deepest nesting of mappings and lists (as for JSON).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most decisions of one space.</summary>
    public const int MaxDecisions = 1_000;

    /// <summary>The most values of one categorical decision (or one list of choices, such as an mlp's widths).</summary>
    public const int MaxCategoricalValues = 10_000;

    /// <summary>The error for a spec of <paramref name="bytes"/> bytes, or null when it is within <see cref="MaxBytes"/>.</summary>
    public static SpecError? CheckSize(long bytes) => bytes <= MaxBytes
        ? null
        : new SpecError("spec", string.Create(CultureInfo.InvariantCulture,
            $"the spec is {bytes} bytes; the limit is {MaxBytes} bytes (1 MiB, limit max_bytes); a spec describes a study, so move large value lists into an integer decision or a dataset"));

    /// <summary>The error for <paramref name="text"/> when it is longer than <see cref="MaxBytes"/> in UTF-8, else null.</summary>
    public static SpecError? CheckSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > MaxBytes ? CheckSize(text.Length) : CheckSize(Encoding.UTF8.GetByteCount(text));
    }

    /// <summary>The error for nesting deeper than <see cref="MaxDepth"/>, at <paramref name="where"/>.</summary>
    internal static SpecError DepthError(string where) =>
        new("spec", $"the spec nests more than {MaxDepth} levels deep{where} (limit max_depth); a study spec needs only a few levels, so flatten it");

    /// <summary>The error for YAML aliases that expand past <see cref="MaxBytes"/>, at <paramref name="where"/>.</summary>
    internal static SpecError AliasError(string where) =>
        new("yaml", $"the aliases (*name) expand the spec past {MaxBytes} bytes (1 MiB, limit max_bytes){where}; write the values out, or use fewer aliases");
}
