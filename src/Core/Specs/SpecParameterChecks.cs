using System.Globalization;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Specs;

/// <summary>Checks named parameters (of an algorithm, a trainer or a space kind) against their descriptors.</summary>
internal static class SpecParameterChecks
{
    /// <summary>
    /// Adds an error to <paramref name="errors"/> for each unknown parameter and each invalid value of
    /// <paramref name="given"/>, at <c>{path}.{name}</c>; <paramref name="owner"/> names whose parameters they are.
    /// </summary>
    public static void Check(
        string path,
        string owner,
        IReadOnlyList<ParameterDescriptor> descriptors,
        IReadOnlyDictionary<string, string>? given,
        List<SpecError> errors)
    {
        foreach (var (name, value) in given ?? new Dictionary<string, string>())
        {
            var field = $"{path}.{name}";
            var descriptor = descriptors.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
            if (descriptor is null)
            {
                var problem = descriptors.Count == 0
                    ? $"{owner} takes no parameters; remove it"
                    : $"unknown parameter of {owner}; {SpecSuggestions.DidYouMean(name, descriptors.Select(d => d.Name))}known: {SpecSuggestions.List(descriptors.Select(d => d.Name))}";
                errors.Add(new SpecError(field, problem));
            }
            else if (value is null)
            {
                errors.Add(new SpecError(field, $"no value; {Expected(descriptor)}"));
            }
            else if (descriptor.Check(value) is { } problem)
            {
                errors.Add(new SpecError(field, $"{problem}; {Expected(descriptor)}"));
            }
        }
    }

    /// <summary>What a valid value of <paramref name="d"/> looks like, as advice.</summary>
    public static string Expected(ParameterDescriptor d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var range = (d.Min, d.Max) switch
        {
            ({ } min, { } max) => $" from {Format(min)} to {Format(max)}",
            ({ } min, null) => $" of at least {Format(min)}",
            (null, { } max) => $" of at most {Format(max)}",
            _ => string.Empty,
        };
        return d.Kind switch
        {
            ParameterKind.Integer => $"use a whole number{range}",
            ParameterKind.Number => $"use a number{range}",
            ParameterKind.Boolean => "use true or false",
            _ when d.Choices is { Count: > 0 } => $"use one of {string.Join(", ", d.Choices)}",
            _ => "use text",
        };
    }

    /// <summary>A number as a spec writes it.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
