using System.Collections.Concurrent;
using System.Reflection;
using k8s;
using k8s.Models;
using NasOrleans.Deploy.Tests.Keda;

namespace NasOrleans.Deploy.Tests.Support;

/// <summary>
/// A rendered overlay loaded into KubernetesClient's typed models (and <see cref="ScaledObject"/>) by its strict
/// loader: an unknown field, a wrong type or an unknown kind fails the load.
/// </summary>
public sealed class RenderedManifests
{
    private static readonly Dictionary<string, Type> TypeMap = BuildTypeMap();
    private static readonly ConcurrentDictionary<string, Lazy<RenderedManifests>> Loaded = new(StringComparer.Ordinal);

    private RenderedManifests(IReadOnlyList<object> objects) => Objects = objects;

    /// <summary>Every document, typed.</summary>
    public IReadOnlyList<object> Objects { get; }

    /// <summary>The silo Deployments (label nasorleans.io/silo=true).</summary>
    public IReadOnlyList<V1Deployment> SiloDeployments =>
        [.. OfType<V1Deployment>().Where(d => d.Metadata.Labels?.TryGetValue("nasorleans.io/silo", out var v) == true && v == "true")];

    /// <summary>The rendered deploy/k8s/overlays/<paramref name="overlay"/>, loaded once.</summary>
    public static RenderedManifests ForOverlay(string overlay) =>
        Loaded.GetOrAdd(overlay, o => new Lazy<RenderedManifests>(() => Parse(Kustomize.Render(o)))).Value;

    /// <summary>Loads <paramref name="yaml"/> strictly.</summary>
    public static RenderedManifests Parse(string yaml) => new([.. KubernetesYaml.LoadAllFromString(yaml, TypeMap, strict: true)]);

    /// <summary>The documents of type <typeparamref name="T"/>.</summary>
    public IEnumerable<T> OfType<T>() => Objects.OfType<T>();

    /// <summary>The one <typeparamref name="T"/> named <paramref name="name"/>.</summary>
    public T Named<T>(string name) where T : IMetadata<V1ObjectMeta> => OfType<T>().Single(o => o.Metadata.Name == name);

    private static Dictionary<string, Type> BuildTypeMap()
    {
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in typeof(V1Pod).Assembly.GetTypes().Append(typeof(ScaledObject)))
        {
            if (type.GetCustomAttribute<KubernetesEntityAttribute>() is { } entity)
            {
                var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
                map[$"{apiVersion}/{entity.Kind}"] = type;
            }
        }

        return map;
    }
}
