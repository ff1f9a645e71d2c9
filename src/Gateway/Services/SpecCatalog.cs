using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Gateway.Services;

/// <summary>
/// The trainer catalog the silo validates specs with (its <see cref="TrainerCatalog"/> service, else the default one),
/// and the search spaces of the studies' specs, parsed once per spec hash, to name a trial's parameters.
/// </summary>
internal sealed class SpecCatalog(IServiceProvider services)
{
    private readonly Lazy<TrainerCatalog> _trainers = new(() => services.GetService<TrainerCatalog>() ?? TrainerCatalog.Default);
    private readonly ConcurrentDictionary<string, SearchSpace> _spaces = new(StringComparer.Ordinal);

    /// <summary>The trainer catalog.</summary>
    public TrainerCatalog Trainers => _trainers.Value;

    /// <summary>The named parameters of the trial of <paramref name="architectureKey"/>; empty when the key is not one of the space's.</summary>
    public IReadOnlyDictionary<string, string> Parameters(string specHash, string specJson, string architectureKey)
    {
        var space = _spaces.GetOrAdd(specHash, (_, json) => SpaceCatalog.Create(StudySpecParser.ParseJson(json, Trainers).Space), specJson);
        try
        {
            return space.Describe(Architecture.FromKey(architectureKey));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return new Dictionary<string, string>();
        }
    }
}
