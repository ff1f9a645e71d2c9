using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Tests.Specs;

/// <summary>A valid spec in YAML, made of sections a test can replace, and a trainer catalog of its own.</summary>
internal static class SpecSamples
{
    /// <summary>A trainer that, like nb201-replay, accepts only nb201 spaces.</summary>
    public static readonly TrainerDescriptor ReplayTrainer = new(
        "replay-test",
        "A test trainer restricted to nb201.",
        [],
        ["validation_accuracy", "test_accuracy", "params", "flops", "latency_ms"],
        ["nb201"],
        (_, _, _) => throw new NotSupportedException());

    /// <summary>synthetic and replay-test.</summary>
    public static readonly TrainerCatalog Catalog = new([SyntheticTrainer.Descriptor, ReplayTrainer]);

    public const string Name = "name: test-study";
    public const string Objective = "objective:\n  metric: validation_accuracy\n  goal: maximize";
    public const string Constraints = "constraints:\n  - metric: params\n    max: 1.5";
    public const string Space = "space:\n  kind: nb201";
    public const string Algorithm = "algorithm:\n  name: evolution\n  seed: 42\n  parameters: {population_size: 10, sample_size: 3}";
    public const string Trainer = "trainer:\n  kind: replay-test";
    public const string Budget = "budget:\n  max_trials: 100\n  parallel_trials: 4";

    /// <summary>The valid YAML spec with the given sections replaced (null keeps a section, "" drops it).</summary>
    public static string Yaml(
        string? name = null,
        string? objective = null,
        string? constraints = null,
        string? space = null,
        string? algorithm = null,
        string? trainer = null,
        string? budget = null) =>
        string.Join('\n', new[]
        {
            name ?? Name,
            objective ?? Objective,
            constraints ?? Constraints,
            space ?? Space,
            algorithm ?? Algorithm,
            trainer ?? Trainer,
            budget ?? Budget,
        }.Where(s => s.Length > 0)) + "\n";

    /// <summary>The same spec as <see cref="Yaml"/> with no replacements, in JSON.</summary>
    public const string Json = """
        {
          "name": "test-study",
          "objective": { "metric": "validation_accuracy", "goal": "maximize" },
          "constraints": [ { "metric": "params", "max": 1.5 } ],
          "space": { "kind": "nb201" },
          "algorithm": { "name": "evolution", "seed": 42, "parameters": { "population_size": 10, "sample_size": 3 } },
          "trainer": { "kind": "replay-test" },
          "budget": { "max_trials": 100, "parallel_trials": 4 }
        }
        """;

    /// <summary>The errors of <paramref name="yaml"/>, parsed against <see cref="Catalog"/>; fails when it is valid.</summary>
    public static IReadOnlyList<SpecError> Errors(string yaml) =>
        Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml(yaml, Catalog)).Errors;
}
