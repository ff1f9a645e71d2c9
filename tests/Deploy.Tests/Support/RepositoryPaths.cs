namespace NasOrleans.Deploy.Tests.Support;

/// <summary>Where deploy/k8s and its validator are in this checkout.</summary>
public static class RepositoryPaths
{
    /// <summary>The checkout's root (the folder with NasOrleans.sln above the test binaries).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>deploy/k8s.</summary>
    public static string K8s => Path.Combine(Root, "deploy", "k8s");

    /// <summary>The overlay folders' names (every folder under deploy/k8s/overlays).</summary>
    public static IReadOnlyList<string> Overlays { get; } =
        [.. Directory.GetDirectories(Path.Combine(K8s, "overlays")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The overlays as xunit theory data.</summary>
    public static TheoryData<string> OverlayData => [.. Overlays];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NasOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No NasOrleans.sln above {AppContext.BaseDirectory}: run the tests from a checkout.");
    }
}
