namespace NasOrleans.Core.Specs;

/// <summary>
/// A study spec that cannot be used: every problem found, parse-level ones first. The message
/// lists them one per line as <c>field: problem</c>.
/// </summary>
public sealed class SpecValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/>, found in <paramref name="fileName"/> when given.</summary>
    public SpecValidationException(IReadOnlyList<SpecError> errors, string? fileName = null)
        : base(Describe(errors, fileName))
    {
        Errors = errors;
        FileName = fileName;
    }

    /// <summary>Creates the exception with one error naming no particular field.</summary>
    public SpecValidationException()
        : this([new SpecError("spec", "the study spec is not valid")])
    {
    }

    /// <summary>Creates the exception with one error in the field <c>spec</c>.</summary>
    public SpecValidationException(string message)
        : this([new SpecError("spec", message)])
    {
    }

    /// <summary>Creates the exception with one error in the field <c>spec</c>, caused by <paramref name="innerException"/>.</summary>
    public SpecValidationException(string message, Exception innerException)
        : base(Describe([new SpecError("spec", message)], null), innerException)
    {
        Errors = [new SpecError("spec", message)];
    }

    /// <summary>Every problem, parse-level ones first.</summary>
    public IReadOnlyList<SpecError> Errors { get; }

    /// <summary>The file the spec was read from, when it was read from one.</summary>
    public string? FileName { get; }

    private static string Describe(IReadOnlyList<SpecError> errors, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var what = fileName is null ? "The study spec" : $"The study spec '{fileName}'";
        var count = errors.Count == 1 ? "1 problem" : $"{errors.Count} problems";
        return $"{what} has {count}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
    }
}
