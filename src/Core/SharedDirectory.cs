namespace NasOrleans.Core;

/// <summary>Finds the shared data folder: <c>--data</c>, then <c>NAS_SHARED_DIR</c>, then the folder <c>shared</c> beside the repository root.</summary>
public static class SharedDirectory
{
    /// <summary>The environment variable that names the shared folder.</summary>
    public const string EnvironmentVariable = "NAS_SHARED_DIR";

    /// <summary>The shared folder, or null when none of the three places gives one that exists.</summary>
    public static string? Resolve(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (FindRepositoryRoot(start) is { } root)
            {
                var beside = Path.GetFullPath(Path.Combine(root, "..", "shared"));
                if (Directory.Exists(beside))
                {
                    return beside;
                }
            }
        }

        return null;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds NasOrleans.sln, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NasOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
