using System.Globalization;
using System.Text.RegularExpressions;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Specs;

/// <summary>
/// Checks the <c>domains:</c> of a spec: 1 to <see cref="DomainSpec.MaxDomains"/> domains with unique names, each dataset
/// accepted by the trainer's <see cref="TrainerDescriptor.CheckDataset"/> (when it has one), and sizes in range.
/// </summary>
internal static partial class DomainSpecChecks
{
    private const string NameRule = "use lowercase letters, digits, '_' and '-'";

    /// <summary>Adds the problems of <paramref name="domains"/> (null: none given, nothing to check) to <paramref name="errors"/>.</summary>
    public static void Check(IReadOnlyList<DomainSpec?>? domains, TrainerDescriptor? trainer, List<SpecError> errors)
    {
        if (domains is null)
        {
            return;
        }

        if (domains.Count == 0)
        {
            errors.Add(new SpecError("domains", $"empty; list 1 to {DomainSpec.MaxDomains} domains, each with a name and a dataset, or remove domains:"));
            return;
        }

        if (domains.Count > DomainSpec.MaxDomains)
        {
            errors.Add(new SpecError("domains", Invariant($"{domains.Count} domains are too many; use at most {DomainSpec.MaxDomains}")));
        }

        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < domains.Count; i++)
        {
            var path = Invariant($"domains[{i}]");
            if (domains[i] is not { } domain)
            {
                errors.Add(new SpecError(path, "no domain here; give name and dataset"));
                continue;
            }

            CheckName(domain.Name, path, i, firstByName, errors);
            CheckDataset(domain.Dataset, path, trainer, errors);
            CheckSizes(domain, path, errors);
        }
    }

    private static void CheckName(string? name, string path, int index, Dictionary<string, int> firstByName, List<SpecError> errors)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new SpecError($"{path}.name", $"missing; give the domain a name such as 'mnist' ({NameRule})"));
        }
        else if (name.Length > DomainSpec.NameMaxLength)
        {
            errors.Add(new SpecError($"{path}.name", Invariant($"is {name.Length} characters long; use at most {DomainSpec.NameMaxLength}")));
        }
        else if (!NamePattern().IsMatch(name))
        {
            var bad = name.Where(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-')).Distinct().Select(c => $"'{c}'");
            errors.Add(new SpecError($"{path}.name", $"'{name}' has characters that are not allowed ({string.Join(", ", bad)}); {NameRule}"));
        }
        else if (!firstByName.TryAdd(name, index))
        {
            errors.Add(new SpecError($"{path}.name", Invariant($"'{name}' is also the name of domains[{firstByName[name]}]; give each domain its own name")));
        }
    }

    private static void CheckDataset(string? dataset, string path, TrainerDescriptor? trainer, List<SpecError> errors)
    {
        if (string.IsNullOrWhiteSpace(dataset))
        {
            errors.Add(new SpecError($"{path}.dataset", "missing; name the domain's dataset, such as mnist, fashion-mnist or inverted:mnist"));
        }
        else if (trainer?.CheckDataset?.Invoke(dataset) is { } problem)
        {
            errors.Add(new SpecError($"{path}.dataset", problem));
        }
    }

    private static void CheckSizes(DomainSpec domain, string path, List<SpecError> errors)
    {
        if (domain.BatchSize is { } batch && batch is < 1 or > DomainSpec.MaxBatchSize)
        {
            errors.Add(new SpecError($"{path}.batch_size", Invariant($"{batch} is not allowed; use a whole number from 1 to {DomainSpec.MaxBatchSize}, or leave it out for the trainer's batch_size")));
        }

        if (domain.ValidationSize is { } v && (!double.IsFinite(v) || v < 0 || (v > 1 && v != Math.Floor(v))))
        {
            errors.Add(new SpecError(
                $"{path}.validation_size",
                $"{SpecParameterChecks.Format(v)} is not allowed; use 0 (the dataset's default), a fraction between 0 and 1, or a whole count of samples"));
        }

        if (domain.MaxTrainSamples < 0)
        {
            errors.Add(new SpecError(
                $"{path}.max_train_samples",
                Invariant($"{domain.MaxTrainSamples} is not allowed; use a whole number of at least 1 (the default is {DomainSpec.DefaultMaxTrainSamples}), or 0 for all training samples")));
        }

        if (!double.IsFinite(domain.Weight) || domain.Weight <= 0)
        {
            errors.Add(new SpecError($"{path}.weight", $"{SpecParameterChecks.Format(domain.Weight)} is not allowed; use a positive number (1 by default)"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
