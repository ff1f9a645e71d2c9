namespace NasOrleans.System.Tests;

/// <summary>Two studies run once for the exit-code table tests: one that completes, one whose every trial fails alike.</summary>
public sealed class ExitCodeStudies : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "nas-exit-codes-" + Guid.NewGuid().ToString("N"));

    public string Data => Path.Combine(Root, "data");

    /// <summary><c>nas run</c> of the study that completes (3 trials), with <c>--json</c>.</summary>
    public (int Code, string Stdout, string Stderr) Passing { get; private set; }

    /// <summary><c>nas run</c> of the study whose trials all fail with the same error (budget 10), with <c>--json</c>.</summary>
    public (int Code, string Stdout, string Stderr) Failing { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        Passing = await NasProcess.RunApartAsync(TimeSpan.FromMinutes(2), "run", WriteSpec("exit-ok", 3, ""), "--data-dir", Data, "--json");
        Failing = await NasProcess.RunApartAsync(TimeSpan.FromMinutes(2), "run", WriteSpec("exit-failing", 10, ", failure_rate: 1"), "--data-dir", Data, "--json");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private string WriteSpec(string name, int trials, string parameters)
    {
        var path = Path.Combine(Root, name + ".yaml");
        File.WriteAllText(path, $$"""
            name: {{name}}
            objective: { metric: validation_accuracy }
            space:
              decisions:
                - { name: a, type: integer, min: 0, max: 99 }
            algorithm: { name: random, seed: 3 }
            trainer: { kind: synthetic, parameters: { duration_ms: 0{{parameters}} } }
            budget: { max_trials: {{trials}}, parallel_trials: 1 }
            """);
        return path;
    }
}
