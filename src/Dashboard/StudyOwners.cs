using System.Collections.Concurrent;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>
/// The owners of the studies in the list. The store's study rows (what the catalog lists) may not carry the owner
/// (stores written before owners existed, or stores that do not keep it yet); the study grain knows it, and an owner
/// never changes, so each such study is asked once per process.
/// </summary>
internal sealed class StudyOwners
{
    private readonly ConcurrentDictionary<string, string> _owners = new(StringComparer.Ordinal);

    /// <summary>The summaries with their owners filled in from the study grains where the store left them empty.</summary>
    public async Task<IReadOnlyList<StudySummary>> FillAsync(IGrainFactory grains, IReadOnlyList<StudySummary> studies)
    {
        var owners = await Task.WhenAll(studies.Select(async s =>
        {
            if (s.Owner.Length > 0)
            {
                return s.Owner;
            }

            if (_owners.TryGetValue(s.StudyId, out var known))
            {
                return known;
            }

            var owner = (await grains.GetGrain<IStudyGrain>(s.StudyId).GetStatusAsync()).Owner;
            _owners[s.StudyId] = owner;
            return owner;
        }));
        return [.. studies.Select((s, i) => s.Owner == owners[i] ? s : s with { Owner = owners[i] })];
    }
}
