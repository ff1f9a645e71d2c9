using System.Text.Json;

namespace NasOrleans.System.Tests;

/// <summary><c>nas bench load</c> run as a real process: the JSON it prints and the limits it refuses.</summary>
public sealed class LoadBenchTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task BenchLoad_SmallLoadWithJson_PrintsTheFiguresWithTheIdealOfThoseInputs()
    {
        var (code, stdout, stderr) = await NasProcess.RunApartAsync(
            Limit, "bench", "load", "--studies", "2", "--trials", "6", "--slots", "4", "--duration", "0.2", "--json");

        Assert.True(code == 0, stdout + stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var wall = root.GetProperty("wall_s").GetDouble();
        var ideal = root.GetProperty("ideal_s").GetDouble();
        var maxInFlight = root.GetProperty("max_in_flight").GetInt32();
        Assert.Equal(JsonValueKind.Number, root.GetProperty("overhead_pct").ValueKind);

        // ceil(2 * 6 / 4) = 3 rounds of 0.2 s.
        Assert.Equal(0.6, ideal, 3);
        Assert.True(wall >= ideal, $"wall_s {wall} < ideal_s {ideal}");
        Assert.InRange(maxInFlight, 1, 4);
        Assert.Equal(2, root.GetProperty("studies").GetInt32());
        Assert.Equal(6, root.GetProperty("trials").GetInt32());
        Assert.Equal(4, root.GetProperty("slots").GetInt32());
        Assert.Equal("sqlite", root.GetProperty("store").GetString());
    }

    [Theory]
    [InlineData("--studies", "0")]
    [InlineData("--studies", "1001")]
    [InlineData("--trials", "0")]
    [InlineData("--trials", "100001")]
    [InlineData("--slots", "0")]
    [InlineData("--slots", "1025")]
    [InlineData("--duration", "0")]
    [InlineData("--duration", "3601")]
    public async Task BenchLoad_OutOfRangeOption_ExitsWith2AndNamesTheOption(string option, string value)
    {
        var (code, output) = await NasProcess.RunAsync(Limit, "bench", "load", option, value);

        Assert.Equal(2, code);
        Assert.Contains(option + " must be", output, StringComparison.Ordinal);
    }
}
