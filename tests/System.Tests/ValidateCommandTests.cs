using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace NasOrleans.System.Tests;

/// <summary><c>nas validate</c>: a dry run that stores nothing; exit 0 for a valid spec, 2 otherwise; <c>--json</c> prints one object.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-validate-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;

    public ValidateCommandTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_directory);
    }

    public static TheoryData<string> Examples => new(Directory.GetFiles(Path.Combine(NasProcess.RepositoryRoot, "examples"), "*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Validate_Example_ExitsZeroWithOneJsonObject(string example)
    {
        var data = Path.Combine(_directory, "data");
        var (code, stdout) = await RunAsync("validate", Path.Combine(NasProcess.RepositoryRoot, "examples", example), "--json", "--data-dir", data);

        Assert.True(code == 0, $"exit {code}:\n{stdout}");
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("resolved").ValueKind);
        Assert.True(json.RootElement.TryGetProperty("largest_architecture", out _));
        Assert.False(Directory.Exists(data), "validate created the data directory");
    }

    [Fact]
    public async Task Validate_TabularMlp_ResolvesDefaultsAndEstimatesTheLargestArchitecture()
    {
        var (code, stdout) = await RunAsync("validate", Path.Combine(NasProcess.RepositoryRoot, "examples", "tabular-mlp.yaml"), "--json");

        Assert.True(code == 0, $"exit {code}:\n{stdout}");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("0.05", json.RootElement.GetProperty("resolved").GetProperty("trainer").GetProperty("parameters").GetProperty("label_smoothing").GetString());
        var largest = json.RootElement.GetProperty("largest_architecture");
        Assert.Equal("128", largest.GetProperty("architecture").GetProperty("width_3").GetString());
        Assert.True(largest.GetProperty("params").GetDouble() > 0);
    }

    [Fact]
    public async Task Validate_InvalidSpec_ExitsTwoListingEveryProblem()
    {
        var spec = HostileSpecFiles.Write(_directory, "validation-size-too-large");
        var (code, stdout) = await RunAsync("validate", spec, "--json");

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("trainer.parameters.validation_size", json.RootElement.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Validate_DecisionAtValueLimit_IsValid()
    {
        var spec = HostileSpecFiles.Write(_directory, "values-at-limit");
        var watch = Stopwatch.StartNew();
        var (code, stdout) = await RunAsync("validate", spec, "--json");
        _output.WriteLine($"10,000 values: nas validate exit {code} in {watch.Elapsed.TotalSeconds:F2} s");

        Assert.True(code == 0, $"exit {code}:\n{stdout}");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Runs nas with stdout alone captured (stderr kept apart), under a 60 s hang guard.</summary>
    private static async Task<(int Code, string Stdout)> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = NasProcess.RepositoryRoot };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(NasProcess.NasDll);
        arguments.ToList().ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info)!;
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(guard.Token);
        var stderr = process.StandardError.ReadToEndAsync(guard.Token);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        _ = await stderr;
        return (process.ExitCode, await stdout);
    }
}
