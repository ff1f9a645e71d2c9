using System.Text.Json;

namespace NasOrleans.Gateway.Tests;

/// <summary>The specs the tests create studies from, and the JSON bodies that carry them.</summary>
internal static class Specs
{
    /// <summary>A study the cluster's trainer slots run (synthetic trainer, no wait).</summary>
    public static string Synthetic(string name, int trials) => $$"""
        name: {{name}}
        objective: { metric: validation_accuracy, goal: maximize }
        space:
          decisions:
            - { name: a, type: integer, min: 0, max: 99 }
            - { name: b, type: integer, min: 0, max: 99 }
        algorithm: { name: random, seed: 3 }
        trainer: { kind: synthetic, parameters: { duration_ms: 0 } }
        budget: { max_trials: {{trials}}, parallel_trials: 2 }
        """;

    /// <summary>A study whose trials go to ask/tell workers.</summary>
    public static string External(string name, int trials) => $$"""
        name: {{name}}
        objective: { metric: accuracy, goal: maximize }
        space: { kind: custom, decisions: [ {name: C, type: float, min: 0.01, max: 100, log: true}, {name: gamma, type: float, min: 0.0001, max: 1, log: true} ] }
        algorithm: { name: random, seed: 1 }
        trainer: { kind: external }
        budget: { max_trials: {{trials}}, parallel_trials: 2, trial_timeout: 600 }
        """;

    /// <summary>The JSON body of CreateStudy.</summary>
    public static StringContent CreateBody(string spec) =>
        new(JsonSerializer.Serialize(new { spec }), System.Text.Encoding.UTF8, "application/json");

    /// <summary>A JSON body.</summary>
    public static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
