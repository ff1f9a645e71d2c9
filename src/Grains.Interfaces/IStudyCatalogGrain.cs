using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Interfaces;

/// <summary>Lists the cluster's studies (from the trial store); any silo answers.</summary>
[Alias("nas.IStudyCatalogGrain")]
public interface IStudyCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Every study's summary, newest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<StudySummary>> ListAsync();
}
