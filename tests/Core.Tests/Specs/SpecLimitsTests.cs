using System.Diagnostics;
using System.Text;
using NasOrleans.Core.Specs;
using Xunit.Abstractions;
using static NasOrleans.Core.Tests.Specs.SpecSamples;

namespace NasOrleans.Core.Tests.Specs;

/// <summary>Hostile specs fail fast with an error naming the limit; each parse runs under a 30 s hang guard.</summary>
public class SpecLimitsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ParseYaml_AliasBomb_FailsNamingTheSizeLimit()
    {
        var text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        var previous = 'a';
        foreach (var c in "bcdefghi")
        {
            text.Append(c).Append(": &").Append(c).Append(" [").AppendJoin(", ", Enumerable.Repeat($"*{previous}", 9)).Append("]\n");
            previous = c;
        }

        var error = await FirstErrorAsync(text.ToString());

        Assert.Contains("aliases", error, StringComparison.Ordinal);
        Assert.Contains("limit max_bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseYaml_Nested30kDeep_FailsNamingTheDepthLimit()
    {
        var error = await FirstErrorAsync("name: " + new string('[', 30_000) + new string(']', 30_000));

        Assert.Contains("more than 64 levels deep", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseYaml_Nested64Deep_IsReadAsUsual()
    {
        var error = await FirstErrorAsync(Yaml() + "extra: " + new string('[', 63) + new string(']', 63));

        Assert.DoesNotContain("levels deep", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_TenMegabytes_FailsBeforeParsingNamingTheLimit()
    {
        var error = await FirstErrorAsync(Yaml() + "# " + new string('x', 10 << 20));

        Assert.StartsWith("spec: the spec is 1048", error, StringComparison.Ordinal);
        Assert.Contains("bytes; the limit is 1048576 bytes (1 MiB, limit max_bytes)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseYaml_DecisionOverTheValueLimit_NamesTheLimitAndTheIntegerDecision()
    {
        var error = await FirstErrorAsync(Custom(1, 10_001));

        Assert.Contains("space.decisions[0].values: 10001 values; the limit is 10000", error, StringComparison.Ordinal);
        Assert.Contains("integer decision", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseYaml_FortyThousandValues_IsRefusedWithinTheHangGuard()
    {
        var error = await FirstErrorAsync(Custom(1, 40_000));

        Assert.Contains("limit max_categorical_values", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseYaml_MoreThanAThousandDecisions_NamesTheLimit()
    {
        var error = await FirstErrorAsync(Custom(1_001, 2));

        Assert.Contains("1001 decisions; the limit is 1000", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 10_000)]
    [InlineData(1_000, 10)]
    public async Task ParseYaml_AtTheLimits_IsValid(int decisions, int values)
    {
        var watch = Stopwatch.StartNew();
        var spec = await Guarded(() => StudySpecParser.ParseYaml(Custom(decisions, values)));
        output.WriteLine($"{decisions} decisions of {values} values: parsed and validated in {watch.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(decisions, spec.Space.Decisions.Count);
    }

    private static string Custom(int decisions, int values)
    {
        var text = new StringBuilder("name: limits\nobjective: {metric: loss, goal: minimize}\nspace:\n  decisions:\n");
        for (var d = 0; d < decisions; d++)
        {
            text.Append("    - {name: d").Append(d).Append(", type: categorical, values: [").AppendJoin(',', Enumerable.Range(0, values).Select(i => $"v{i}")).Append("]}\n");
        }

        return text.Append("algorithm: {name: random}\ntrainer: {kind: synthetic}\nbudget: {max_trials: 2}\n").ToString();
    }

    private static async Task<string> FirstErrorAsync(string yaml)
    {
        var e = await Assert.ThrowsAsync<SpecValidationException>(() => Guarded(() => StudySpecParser.ParseYaml(yaml, Catalog)));
        return e.Errors[0].ToString();
    }

    private static async Task<T> Guarded<T>(Func<T> parse)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Task.Run(parse, guard.Token).WaitAsync(guard.Token);
    }
}
