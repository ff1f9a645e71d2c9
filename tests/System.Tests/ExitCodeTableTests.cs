using System.Text.Json;
using System.Text.RegularExpressions;

namespace NasOrleans.System.Tests;

/// <summary>Each row of the README's exit-code table, run against the built nas: the code and what goes to which stream.</summary>
public sealed partial class ExitCodeTableTests(ExitCodeStudies studies) : IClassFixture<ExitCodeStudies>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>The codes the tests below cover; 130 (interrupted) is EmbeddedLifecycleTests.Run_CtrlC_StopsCleanlyAndRunWithoutSpecResumes.</summary>
    private static readonly int[] Tested = [0, 1, 2, 3, 4, 5, 130];

    [Fact]
    public void Readme_ExitCodeTable_ListsExactlyTheTestedCodes()
    {
        var readme = File.ReadAllText(Path.Combine(NasProcess.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("## Exit codes", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("\n## ", 3, StringComparison.Ordinal) is > 0 and var end ? end : section.Length)];

        var codes = TableRow().Matches(section).Select(m => int.Parse(m.Groups[1].Value, global::System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Tested, codes.Order());
    }

    [Fact]
    public async Task Run_Completes_ExitsZeroWithOneJsonObject()
    {
        Assert.True(studies.Passing.Code == 0, studies.Passing.Stdout + studies.Passing.Stderr);
        using var json = OneObject(studies.Passing.Stdout);
        Assert.NotEqual(JsonValueKind.Null, json.RootElement.GetProperty("best").ValueKind);

        var (code, stdout, _) = await NasProcess.RunApartAsync(Limit, "show", "exit-ok", "--json", "--data-dir", studies.Data);
        Assert.Equal(0, code);
        using var show = OneObject(stdout);
    }

    [Fact]
    public async Task List_UnreadableDatabase_ExitsOneWithJsonError()
    {
        var data = Directory.CreateDirectory(Path.Combine(studies.Root, "garbage")).FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "nas.db"), "this is not a database, and it is long enough to have a header............");

        var (code, stdout, stderr) = await NasProcess.RunApartAsync(Limit, "list", "--json", "--data-dir", data);

        Assert.True(code == 1, stdout + stderr);
        AssertError(stdout, stderr, 1, "error");
    }

    [Fact]
    public async Task AnyCommand_UnknownOption_ExitsTwoAsUsageError()
    {
        var (code, stdout, stderr) = await NasProcess.RunApartAsync(Limit, "list", "--no-such-option", "--json", "--data-dir", studies.Data);
        Assert.True(code == 2, stdout + stderr);
        AssertError(stdout, stderr, 2, "usage");
        Assert.Contains("--no-such-option", stderr, StringComparison.Ordinal);

        var (plainCode, plainStdout, plainStderr) = await NasProcess.RunApartAsync(Limit, "show", "--limit", "many", "--data-dir", studies.Data);
        Assert.Equal(2, plainCode);
        Assert.Equal("", plainStdout);
        Assert.Contains("many", plainStderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnwritablePath_ExitsTwoNamingThePath()
    {
        const string path = "/proc/nas-unwritable/model.zip";

        var (code, stdout, stderr) = await NasProcess.RunApartAsync(Limit, "export", "exit-ok", "--out", path, "--data-dir", studies.Data);

        Assert.True(code == 2, stdout + stderr);
        Assert.Equal("", stdout);
        Assert.Contains(path, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EveryTrialFailsAlike_ExitsThreeFailedAndShowsEachFailureAsItHappens()
    {
        var (code, stdout, stderr) = studies.Failing;

        Assert.True(code == 3, stdout + stderr);
        Assert.Contains("trial 1 failed: synthetic failure (failure_rate)", stderr, StringComparison.Ordinal);
        Assert.Contains("exit-failing ended failed", stderr, StringComparison.Ordinal);
        using var json = OneObject(stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("best").ValueKind);
        Assert.Equal("failed", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Best_NoFeasibleTrial_ExitsThreeWithTheReasonOnStderr()
    {
        var (code, stdout, stderr) = await NasProcess.RunApartAsync(Limit, "best", "exit-failing", "--data-dir", studies.Data);
        Assert.True(code == 3, stdout + stderr);
        Assert.Equal("", stdout);
        Assert.Contains("no completed feasible trial", stderr, StringComparison.Ordinal);

        var (jsonCode, jsonStdout, _) = await NasProcess.RunApartAsync(Limit, "best", "exit-failing", "--json", "--data-dir", studies.Data);
        Assert.Equal(3, jsonCode);
        using var json = OneObject(jsonStdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("best").ValueKind);
        Assert.Contains("no completed feasible trial", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_NoSuchStudy_ExitsFourWithJsonError()
    {
        var (code, stdout, stderr) = await NasProcess.RunApartAsync(Limit, "show", "no-such-study", "--json", "--data-dir", studies.Data);

        Assert.True(code == 4, stdout + stderr);
        AssertError(stdout, stderr, 4, "not_found");
    }

    [Theory]
    [InlineData("list", "--json")]
    [InlineData("delete", "some-study")]
    public async Task ReadCommand_MissingDataDirectory_ExitsFiveNamingItAndCreatesNothing(string command, string argument)
    {
        var missing = Path.Combine(studies.Root, "mistyped-" + command);

        var (code, stdout, stderr) = await NasProcess.RunApartAsync(Limit, command, argument, "--data-dir", missing);

        Assert.True(code == 5, stdout + stderr);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
        if (argument == "--json")
        {
            AssertError(stdout, stderr, 5, "unavailable");
        }
        else
        {
            Assert.Equal("", stdout);
        }
    }

    private static JsonDocument OneObject(string stdout)
    {
        var json = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        return json;
    }

    private static void AssertError(string stdout, string stderr, int code, string kind)
    {
        using var json = OneObject(stdout);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(kind, error.GetProperty("kind").GetString());
        var message = error.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Contains(message!, stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\|\s*`?(\d+)`?\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
