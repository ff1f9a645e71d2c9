using System.Text.RegularExpressions;

namespace NasOrleans.Deploy.Tests;

/// <summary>deploy/images/build.sh builds one image per Dockerfile, and every nasorleans image the overlays run is one it tags.</summary>
public sealed partial class ImageTagTests
{
    private static string Version =>
        VersionElement().Match(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"))).Groups[1].Value;

    [Fact]
    public void Images_BuildScript_OnePerDockerfile()
    {
        var dockerfiles = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "deploy", "images"), "*.Dockerfile")
            .Select(f => Path.GetFileName(f)[..^".Dockerfile".Length]).Order(StringComparer.Ordinal);
        Assert.Equal(dockerfiles, BuildScript.Load(RepositoryPaths.Root).Images.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TagsOf_BuildScript_DevAndVersion()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", Version);
        Assert.Equal(["nasorleans/nas:dev", $"nasorleans/nas:{Version}"], BuildScript.Load(RepositoryPaths.Root).TagsOf("nas", Version));
    }

    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void Images_RenderedOverlay_AreTaggedByBuildScript(string overlay)
    {
        var script = BuildScript.Load(RepositoryPaths.Root);
        var built = script.Images.SelectMany(i => script.TagsOf(i, Version)).ToHashSet(StringComparer.Ordinal);
        var used = RenderedManifests.ForOverlay(overlay).OfType<V1Deployment>()
            .SelectMany(d => d.Spec.Template.Spec.Containers.Concat(d.Spec.Template.Spec.InitContainers ?? []))
            .Select(c => c.Image).Where(i => i.StartsWith("nasorleans/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(used);
        Assert.All(used, image => Assert.Contains(image, built));
    }

    [Fact]
    public void TagsOf_ScriptWithoutVersionTag_MissesTheManifestsTag()
    {
        var script = BuildScript.Parse("images=(nas)\n    tags=(-t \"nasorleans/$image:dev\")\n");
        Assert.DoesNotContain($"nasorleans/nas:{Version}", script.TagsOf("nas", Version));
        Assert.Equal(["nas"], script.Images);
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionElement();
}
