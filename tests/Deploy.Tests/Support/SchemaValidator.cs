namespace NasOrleans.Deploy.Tests.Support;

/// <summary>
/// Validates rendered manifests against the Kubernetes and KEDA schemas with deploy/k8s/validate/validate.mjs (npm
/// kubernetes-models and @kubernetes-models/keda, installed by scripts/setup.sh into NAS_K8S_VALIDATOR_DIR or
/// ~/.cache/nasorleans/k8s-validator).
/// </summary>
public static class SchemaValidator
{
    /// <summary>Validates <paramref name="yaml"/>; exit code 0 when every document is valid, 1 with one line per problem.</summary>
    public static ToolProcess.Result Validate(string yaml)
    {
        var modules = ModulesDirectory();
        if (!Directory.Exists(Path.Combine(modules, "node_modules", "kubernetes-models")))
        {
            throw new InvalidOperationException(
                $"The schema packages are not installed in {modules}: run scripts/setup.sh (it installs deploy/k8s/validate/package.json there).");
        }

        var file = Path.Combine(Path.GetTempPath(), $"nas-k8s-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        try
        {
            var script = Path.Combine(RepositoryPaths.K8s, "validate", "validate.mjs");
            return ToolProcess.Run("node", [script, modules, file], "node was not found on PATH: install Node.js (Debian: nodejs) to validate deploy/k8s.", TimeSpan.FromMinutes(1));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string ModulesDirectory()
    {
        if (Environment.GetEnvironmentVariable("NAS_K8S_VALIDATOR_DIR") is { Length: > 0 } given)
        {
            return given;
        }

        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "nasorleans", "k8s-validator");
    }
}
