using System.Collections.Concurrent;
using System.Text.Json;

namespace NasOrleans.Deploy.Tests.Support;

/// <summary>Renders deploy/k8s overlays with <c>kubectl kustomize</c> (kubectl 1.32 bundles kustomize 5.5), once per overlay.</summary>
public static class Kustomize
{
    /// <summary>The oldest kubectl whose kustomize renders deploy/k8s (components, labels, patches by label selector).</summary>
    public static readonly Version MinimumKubectl = new(1, 27);

    private const string Install =
        "deploy/k8s is rendered with `kubectl kustomize`: install kubectl 1.32 or later (it bundles kustomize 5.5; " +
        "Debian 12's kubernetes-client 1.20 is too old) and run the tests again.";

    private static readonly ConcurrentDictionary<string, Lazy<string>> Rendered = new(StringComparer.Ordinal);
    private static readonly Lazy<Version> KubectlVersion = new(ReadKubectlVersion);

    /// <summary>The rendered YAML of deploy/k8s/overlays/<paramref name="overlay"/>.</summary>
    public static string Render(string overlay) =>
        Rendered.GetOrAdd(overlay, o => new Lazy<string>(() => RenderFolder(Path.Combine(RepositoryPaths.K8s, "overlays", o)))).Value;

    /// <summary>Throws with a message naming the fix when <paramref name="version"/> is older than <see cref="MinimumKubectl"/>.</summary>
    public static void EnsureRecentEnough(Version version)
    {
        if (version < MinimumKubectl)
        {
            throw new InvalidOperationException($"kubectl {version} is too old for deploy/k8s. {Install}");
        }
    }

    /// <summary>The client version in the JSON of <c>kubectl version --client -o json</c>.</summary>
    public static Version ParseVersion(string json)
    {
        var client = JsonDocument.Parse(json).RootElement.GetProperty("clientVersion");
        static int Number(JsonElement e, string name) => int.Parse(new string([.. e.GetProperty(name).GetString()!.TakeWhile(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);
        return new Version(Number(client, "major"), Number(client, "minor"));
    }

    private static Version ReadKubectlVersion()
    {
        var result = ToolProcess.Run("kubectl", ["version", "--client", "-o", "json"], $"kubectl was not found on PATH. {Install}", TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`kubectl version --client` failed ({result.ExitCode}): {result.StandardError} {Install}");
        }

        return ParseVersion(result.StandardOutput);
    }

    /// <summary>The rendered YAML of any kustomization folder (not cached).</summary>
    public static string RenderFolder(string folder)
    {
        EnsureRecentEnough(KubectlVersion.Value);
        var result = ToolProcess.Run("kubectl", ["kustomize", folder], $"kubectl was not found on PATH. {Install}", TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {folder} failed ({result.ExitCode}): {result.StandardError}");
        }

        return result.StandardOutput;
    }
}
