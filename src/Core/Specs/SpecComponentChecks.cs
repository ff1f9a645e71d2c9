using System.Globalization;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Specs;

/// <summary>Checks the algorithm and the trainer of a spec against their catalogs.</summary>
internal static class SpecComponentChecks
{
    /// <summary>Adds the problems of <paramref name="spec"/> to <paramref name="errors"/>.</summary>
    public static void CheckAlgorithm(AlgorithmSpec? spec, List<SpecError> errors)
    {
        var known = StrategyCatalog.Algorithms.Select(a => a.Name).ToList();
        if (spec is null || string.IsNullOrWhiteSpace(spec.Name))
        {
            errors.Add(new SpecError("algorithm.name", $"missing; choose one of: {SpecSuggestions.List(known)}"));
            return;
        }

        if (StrategyCatalog.Find(spec.Name) is not { } descriptor)
        {
            errors.Add(new SpecError("algorithm.name", $"unknown algorithm '{spec.Name}'; {SpecSuggestions.DidYouMean(spec.Name, known)}known: {SpecSuggestions.List(known)}"));
            return;
        }

        var before = errors.Count;
        SpecParameterChecks.Check("algorithm.parameters", $"algorithm '{spec.Name}'", descriptor.Parameters, spec.Parameters, errors);
        if (descriptor.Name == RegularizedEvolution.Name && errors.Count == before)
        {
            var values = new ResolvedParameters(descriptor.Parameters, spec.Parameters);
            var population = values.GetInt("population_size");
            var sample = values.GetInt("sample_size");
            if (sample > population)
            {
                errors.Add(new SpecError(
                    "algorithm.parameters.sample_size",
                    $"{sample} is larger than population_size ({population}); a tournament draws from the population, so use at most {population}"));
            }
        }

        if (descriptor.LearnsPolicy && errors.Count == before
            && new ResolvedParameters(descriptor.Parameters, spec.Parameters).GetString("controller") is var controller
            && !PolicyModels.Names.Contains(controller, StringComparer.Ordinal))
        {
            errors.Add(new SpecError(
                "algorithm.parameters.controller",
                $"'{controller}' is not available in this process (it needs TorchSharp: submit with nas, or to a cluster of nas-silo); available: {string.Join(", ", PolicyModels.Names)}"));
        }
    }

    /// <summary>
    /// Adds the problems of <paramref name="spec"/> to <paramref name="errors"/>; <paramref name="spaceKind"/> is the
    /// space's kind when it is known and valid, for trainers that accept only some kinds.
    /// </summary>
    public static void CheckTrainer(TrainerSpec? spec, TrainerCatalog catalog, string? spaceKind, List<SpecError> errors)
    {
        var known = catalog.Trainers.Select(t => t.Kind).ToList();
        if (spec is null || string.IsNullOrWhiteSpace(spec.Kind))
        {
            errors.Add(new SpecError("trainer.kind", $"missing; choose one of: {SpecSuggestions.List(known)}"));
            return;
        }

        if (catalog.Find(spec.Kind) is not { } descriptor)
        {
            errors.Add(new SpecError("trainer.kind", $"unknown trainer '{spec.Kind}'; {SpecSuggestions.DidYouMean(spec.Kind, known)}known: {SpecSuggestions.List(known)}"));
            return;
        }

        SpecParameterChecks.Check("trainer.parameters", $"trainer '{spec.Kind}'", descriptor.Parameters, spec.Parameters, errors);
        if (spaceKind is not null && descriptor.SpaceKinds.Count > 0 && !descriptor.SpaceKinds.Contains(spaceKind, StringComparer.Ordinal))
        {
            errors.Add(new SpecError(
                "trainer.kind",
                $"trainer '{spec.Kind}' works only with space kind {string.Join(" or ", descriptor.SpaceKinds)}, and the space is '{spaceKind}'; use space kind {string.Join(" or ", descriptor.SpaceKinds)}, or another trainer"));
        }
    }

    /// <summary>Adds an error when <paramref name="metric"/> (at <paramref name="field"/>) is not reported by <paramref name="trainer"/>.</summary>
    public static void CheckMetric(string? metric, string field, TrainerDescriptor? trainer, string purpose, List<SpecError> errors)
    {
        var reported = trainer?.Metrics ?? [];
        if (string.IsNullOrWhiteSpace(metric))
        {
            var hint = trainer is null ? string.Empty : $", one trainer '{trainer.Kind}' reports: {SpecSuggestions.List(reported)}";
            errors.Add(new SpecError(field, $"missing; name the metric {purpose}{hint}"));
        }
        else if (trainer is not null && !trainer.ReportsAnyMetric && !reported.Contains(metric, StringComparer.Ordinal))
        {
            errors.Add(new SpecError(
                field,
                $"'{metric}' is not reported by trainer '{trainer.Kind}'; {SpecSuggestions.DidYouMean(metric, reported)}it reports: {SpecSuggestions.List(reported)}"));
        }
    }

    /// <summary>A whole number as messages write it.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
