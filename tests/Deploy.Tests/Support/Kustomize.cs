using System.Collections.Concurrent;

namespace NasOrleans.Deploy.Tests.Support;

/// <summary>Renders deploy/k8s overlays with <c>kubectl kustomize</c> (kubectl 1.32 bundles kustomize 5.5), once per overlay.</summary>
public static class Kustomize
{
    private const string Missing =
        "kubectl was not found on PATH. deploy/k8s is rendered with `kubectl kustomize` (kubectl 1.32 or later, which " +
        "bundles kustomize 5.5; Debian 12's kubernetes-client 1.20 is too old): install kubectl and run the tests again.";

    private static readonly ConcurrentDictionary<string, Lazy<string>> Rendered = new(StringComparer.Ordinal);

    /// <summary>The rendered YAML of deploy/k8s/overlays/<paramref name="overlay"/>.</summary>
    public static string Render(string overlay) =>
        Rendered.GetOrAdd(overlay, o => new Lazy<string>(() => RenderFolder(Path.Combine(RepositoryPaths.K8s, "overlays", o)))).Value;

    private static string RenderFolder(string folder)
    {
        var result = ToolProcess.Run("kubectl", ["kustomize", folder], Missing, TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {folder} failed ({result.ExitCode}): {result.StandardError}");
        }

        return result.StandardOutput;
    }
}
