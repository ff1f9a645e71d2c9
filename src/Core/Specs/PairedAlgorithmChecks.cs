using System.Globalization;
using NasOrleans.Core.Paired;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Specs;

/// <summary>Checks what the environment-design algorithms (paired, minimax, domain-randomization) need of the rest of the spec, and that only they search a gridworld.</summary>
internal static class PairedAlgorithmChecks
{
    /// <summary>Adds the problems of <paramref name="spec"/> to <paramref name="errors"/>; <paramref name="spaceKind"/> is the space's kind when valid.</summary>
    public static void Check(StudySpec spec, string? spaceKind, List<SpecError> errors)
    {
        var algorithm = spec.Algorithm?.Name;
        if (!PairedAlgorithms.Is(algorithm))
        {
            if (spaceKind == SpaceCatalog.Gridworld && !string.IsNullOrEmpty(algorithm))
            {
                errors.Add(new SpecError("algorithm.name", $"the gridworld space is searched by environment design, not by '{algorithm}'; use {PairedAlgorithms.Paired}, {PairedAlgorithms.Minimax} or {PairedAlgorithms.DomainRandomization}"));
            }

            return;
        }

        if (spaceKind is not null && spaceKind != SpaceCatalog.Gridworld)
        {
            errors.Add(new SpecError("space.kind", $"'{algorithm}' designs gridworld levels; use space.kind: gridworld with parameters size and walls (was {spaceKind})"));
        }

        if (spec.Trainer is { Kind: var kind } && kind != PairedAlgorithms.TrainerKind)
        {
            errors.Add(new SpecError("trainer.kind", $"'{algorithm}' trains its agents with the {PairedAlgorithms.TrainerKind} trainer, which runs each round's rollouts and PPO updates; use trainer.kind: {PairedAlgorithms.TrainerKind} (was {kind})"));
        }

        if (spec.Budget is { ParallelTrials: > 1 } budget)
        {
            errors.Add(new SpecError("budget.parallel_trials", string.Create(CultureInfo.InvariantCulture, $"'{algorithm}' runs its rounds one after another (each round's agents are the last round's, updated); use parallel_trials: 1 (was {budget.ParallelTrials})")));
        }

        if (spec.Domains is { Count: > 0 })
        {
            errors.Add(new SpecError("domains", $"'{algorithm}' learns on the levels it builds, not on datasets; remove domains:"));
        }

        if (spec.EarlyStopping is not null)
        {
            errors.Add(new SpecError("early_stopping", $"'{algorithm}' rounds are not trials to stop early; remove early_stopping:"));
        }

        if (spec.Algorithm?.Parameters is { } p
            && p.TryGetValue("minibatches", out var mb) && p.TryGetValue("envs", out var envs)
            && int.TryParse(mb, CultureInfo.InvariantCulture, out var minibatches) && int.TryParse(envs, CultureInfo.InvariantCulture, out var envCount) && minibatches > envCount)
        {
            errors.Add(new SpecError("algorithm.parameters.minibatches", string.Create(CultureInfo.InvariantCulture, $"{minibatches} minibatches split {envCount} environments; use at most envs ({envCount})")));
        }
    }
}
