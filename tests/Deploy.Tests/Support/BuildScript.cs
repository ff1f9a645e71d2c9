using System.Text.RegularExpressions;

namespace NasOrleans.Deploy.Tests.Support;

/// <summary>What deploy/images/build.sh builds: its image names (the CPU ones, then those of --gpu) and the tags it gives every image.</summary>
public sealed partial class BuildScript
{
    private BuildScript(IReadOnlyList<string> images, IReadOnlyList<string> tagPatterns)
    {
        Images = images;
        TagPatterns = tagPatterns;
    }

    /// <summary>The images, e.g. control-silo (built from deploy/images/control-silo.Dockerfile, tagged nasorleans/control-silo).</summary>
    public IReadOnlyList<string> Images { get; }

    /// <summary>The tags as the script writes them, e.g. <c>nasorleans/$image:dev</c> and <c>nasorleans/$image:$version</c>.</summary>
    public IReadOnlyList<string> TagPatterns { get; }

    /// <summary>deploy/images/build.sh of this checkout.</summary>
    public static BuildScript Load(string root) => Parse(File.ReadAllText(Path.Combine(root, "deploy", "images", "build.sh")));

    /// <summary>Reads the <c>images=(...)</c> and <c>images+=(...)</c> lists and the <c>-t "nasorleans/$image:..."</c> tags of <paramref name="script"/>.</summary>
    public static BuildScript Parse(string script)
    {
        var images = ImageList().Matches(script).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var tags = Tag().Matches(script).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        return new BuildScript(images, tags);
    }

    /// <summary>The tags of <paramref name="image"/>, with $version replaced by <paramref name="version"/> (the --tag extra left out).</summary>
    public IReadOnlyList<string> TagsOf(string image, string version) =>
        [.. TagPatterns.Where(t => !t.Contains("$extra_tag", StringComparison.Ordinal))
            .Select(t => t.Replace("$image", image, StringComparison.Ordinal).Replace("$version", version, StringComparison.Ordinal))];

    [GeneratedRegex(@"(?:^|\s)images\+?=\(([a-z\- ]+)\)", RegexOptions.Multiline)]
    private static partial Regex ImageList();

    [GeneratedRegex(@"-t ""(nasorleans/\$image:[^""]+)""")]
    private static partial Regex Tag();
}
