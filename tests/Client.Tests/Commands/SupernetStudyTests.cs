using NasOrleans.Client.Commands;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Tests.Commands;

public class SupernetStudyTests
{
    private static readonly Dictionary<string, string?> BothPaths = new() { ["a"] = SupernetStudies.PathA, ["b"] = SupernetStudies.PathB };

    [Fact]
    public async Task LoadAsync_CurveAndArgmaxKeys_ReadsTheDomainsPathsAndCurveBySteps()
    {
        var client = new FakeStudyClient();
        var spec = SupernetStudies.Spec("loaded");
        var summary = client.Add(spec, [.. SupernetStudies.Curve(["a", "b"]).Reverse()], BothPaths);

        var study = await SupernetStudy.LoadAsync(client, summary, CancellationToken.None);

        Assert.Equal(["a", "b"], study.Domains);
        Assert.Equal([SupernetStudies.PathA, SupernetStudies.PathB], study.Paths.Select(p => p.Key));
        Assert.Equal([10L, 20, 30], study.Curve.Select(p => p.Step));
        Assert.Equal([(10.0, 2.5), (20.0, 2.0), (30.0, 1.5)], study.Series("a", "train_loss"));
    }

    [Fact]
    public async Task LoadAsync_NoCurvePointYet_ThrowsStudyNotCompletedSayingRunOrWait()
    {
        var client = new FakeStudyClient();
        var summary = client.Add(SupernetStudies.Spec("fresh"), [], BothPaths);

        var e = await Assert.ThrowsAsync<CliException>(() => SupernetStudy.LoadAsync(client, summary, CancellationToken.None));

        Assert.Equal(ExitCodes.StudyNotCompleted, e.ExitCode);
        Assert.Contains("no checkpoint yet", e.Message, StringComparison.Ordinal);
        Assert.Contains("wait", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_ControllerWithoutArgmaxKey_ThrowsStudyNotCompletedNamingTheDomain()
    {
        var client = new FakeStudyClient();
        var summary = client.Add(SupernetStudies.Spec("half"), SupernetStudies.Curve(["a", "b"]), new Dictionary<string, string?> { ["a"] = SupernetStudies.PathA, ["b"] = null });

        var e = await Assert.ThrowsAsync<CliException>(() => SupernetStudy.LoadAsync(client, summary, CancellationToken.None));

        Assert.Equal(ExitCodes.StudyNotCompleted, e.ExitCode);
        Assert.Contains("domain 'b'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsWeightSharing_MpnasAndRandom_IsTrueForTheJobAlgorithmOnly()
    {
        var mpnas = new FakeStudyClient().Add(SupernetStudies.Spec("ws"), [], BothPaths);

        Assert.True(SupernetStudy.IsWeightSharing(mpnas));
        Assert.False(SupernetStudy.IsWeightSharing(mpnas with { Algorithm = "random" }));
    }
}
