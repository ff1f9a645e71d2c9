using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Specs;

/// <summary>
/// Reads a study spec from YAML or JSON (snake_case keys) and validates it. Every problem, from syntax
/// errors (with line and column) and unknown keys to a budget larger than the space, is listed in one
/// <see cref="SpecValidationException"/>; parse-level problems come first.
/// </summary>
public static class StudySpecParser
{
    /// <summary>Parses and validates YAML against <see cref="TrainerCatalog.Default"/>.</summary>
    public static StudySpec ParseYaml(string text) => ParseYaml(text, TrainerCatalog.Default);

    /// <summary>Parses and validates YAML against <paramref name="catalog"/>.</summary>
    public static StudySpec ParseYaml(string text, TrainerCatalog catalog) => Parse(text, json: false, catalog, fileName: null);

    /// <summary>Parses and validates JSON against <see cref="TrainerCatalog.Default"/>.</summary>
    public static StudySpec ParseJson(string text) => ParseJson(text, TrainerCatalog.Default);

    /// <summary>Parses and validates JSON against <paramref name="catalog"/>.</summary>
    public static StudySpec ParseJson(string text, TrainerCatalog catalog) => Parse(text, json: true, catalog, fileName: null);

    /// <summary>
    /// Parses and validates YAML or JSON against <see cref="TrainerCatalog.Default"/>: JSON when
    /// <paramref name="fileName"/> ends in <c>.json</c>, YAML for <c>.yaml</c> or <c>.yml</c>, otherwise JSON
    /// when the text starts with <c>{</c>.
    /// </summary>
    public static StudySpec Parse(string text, string? fileName = null) => Parse(text, fileName, TrainerCatalog.Default);

    /// <summary>As <see cref="Parse(string, string?)"/>, validating against <paramref name="catalog"/>.</summary>
    public static StudySpec Parse(string text, string? fileName, TrainerCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, IsJson(text, fileName), catalog, fileName);
    }

    /// <summary>Reads, parses and validates the file at <paramref name="path"/> against <see cref="TrainerCatalog.Default"/>.</summary>
    public static StudySpec ParseFile(string path) => ParseFile(path, TrainerCatalog.Default);

    /// <summary>Reads, parses and validates the file at <paramref name="path"/> against <paramref name="catalog"/>.</summary>
    public static StudySpec ParseFile(string path, TrainerCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(ReadFile(path, () => CheckFileSize(path) ?? File.ReadAllText(path)), path, catalog);
    }

    /// <summary>Reads the file at <paramref name="path"/> asynchronously, then parses and validates it.</summary>
    public static async Task<StudySpec> ParseFileAsync(string path, TrainerCatalog? catalog = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = CheckFileSize(path) ?? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw FileError(path, e);
        }

        return Parse(text, path, catalog ?? TrainerCatalog.Default);
    }

    /// <summary>The tree reader's result: the spec (null when not even the root could be read) and what it found.</summary>
    internal static (StudySpec? Spec, SpecTreeReader Reader) Read(string text, bool json)
    {
        var reader = new SpecTreeReader();
        var root = json ? JsonSpecTree.Read(text, reader.Errors) : YamlSpecTree.Read(text, reader.Errors);
        var spec = root is null ? null : new StudySpecReader(reader).Read(root);
        return (spec, reader);
    }

    private static StudySpec Parse(string text, bool json, TrainerCatalog catalog, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        if (SpecLimits.CheckSize(text) is { } tooLarge)
        {
            throw new SpecValidationException([tooLarge], fileName);
        }

        var (spec, reader) = Read(text, json);
        var errors = new List<SpecError>(reader.Errors);
        if (spec is not null)
        {
            StudySpecValidator.Validate(spec, catalog, reader.Broken, errors);
        }

        return errors.Count == 0 && spec is not null ? spec : throw new SpecValidationException(errors, fileName);
    }

    private static bool IsJson(string text, string? fileName)
    {
        var extension = fileName is null ? string.Empty : Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".json" => true,
            ".yaml" or ".yml" => false,
            _ => text.TrimStart().StartsWith('{'),
        };
    }

    /// <summary>Throws when the file is larger than <see cref="SpecLimits.MaxBytes"/>, before anything is read; else null.</summary>
    private static string? CheckFileSize(string path) =>
        File.Exists(path) && SpecLimits.CheckSize(new FileInfo(path).Length) is { } tooLarge ? throw new SpecValidationException([tooLarge], path) : null;

    private static string ReadFile(string path, Func<string> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw FileError(path, e);
        }
    }

    private static SpecValidationException FileError(string path, Exception e)
    {
        var problem = e switch
        {
            _ when Directory.Exists(path) => "this is a folder; give the path of a .yaml, .yml or .json study spec",
            FileNotFoundException or DirectoryNotFoundException => $"no such file ({Path.GetFullPath(path)}); give the path of a .yaml, .yml or .json study spec",
            UnauthorizedAccessException => "the file cannot be read (permission denied)",
            _ => $"the file cannot be read: {e.Message}",
        };
        return new SpecValidationException([new SpecError("file", problem)], path);
    }
}
