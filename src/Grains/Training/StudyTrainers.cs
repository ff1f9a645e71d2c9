using System.Collections.Concurrent;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Grains.Training;

/// <summary>
/// A trainer silo's trainers, one per study and spec, built from the spec a lease carries (parsed once per study on
/// this silo) and released when no lease of the study has run here for <see cref="IdleRelease"/>, so that a finished
/// study's trainer and dataset do not stay in memory. One instance per silo (DI singleton), shared by its slots.
/// </summary>
public sealed class StudyTrainers
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan?> _timeouts = new(StringComparer.Ordinal);
    private readonly TrainerCatalog _catalog;
    private readonly TrainerEnvironment _environment;

    /// <summary>Creates the cache.</summary>
    public StudyTrainers(TrainerCatalog catalog, TrainerEnvironment environment)
    {
        _catalog = catalog;
        _environment = environment;
    }

    /// <summary>How long a study's trainer stays after its last use.</summary>
    public TimeSpan IdleRelease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Studies whose trainer is held now.</summary>
    public int Count => _entries.Count;

    /// <summary>The trainer of <paramref name="studyId"/> for <paramref name="specJson"/>; throws <see cref="SpecValidationException"/> for a bad spec.</summary>
    public (SearchSpace Space, ITrainer Trainer) Get(string studyId, string specHash, string specJson)
    {
        var now = _environment.Time.GetUtcNow();
        ReleaseIdle(now);
        var entry = _entries.GetOrAdd($"{studyId}#{specHash}", _ => Create(specJson));
        entry.LastUsed = now;
        return (entry.Space, entry.Trainer);
    }

    /// <summary>
    /// The spec's <c>budget.trial_timeout</c> (null: none), parsed once per spec hash. A spec this build cannot read has
    /// none here: creating its trainer then fails the trial with the spec's errors, where the reason is reported.
    /// </summary>
    public TimeSpan? TrialTimeout(string specHash, string specJson) =>
        string.IsNullOrEmpty(specJson)
            ? null
            : _timeouts.GetOrAdd(specHash, _ => ReadTimeout(specJson));

    private TimeSpan? ReadTimeout(string specJson)
    {
        try
        {
            return StudySpecParser.ParseJson(specJson, _catalog).Budget?.TrialTimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null;
        }
        catch (SpecValidationException)
        {
            return null;
        }
    }

    private Entry Create(string specJson)
    {
        if (string.IsNullOrEmpty(specJson))
        {
            throw new InvalidOperationException("the lease carried no study spec (a scheduler that has not heard from the study yet)");
        }

        var spec = StudySpecParser.ParseJson(specJson, _catalog);
        var space = SpaceCatalog.Create(spec.Space);
        return new Entry(space, _catalog.Create(spec.Trainer, space, _environment));
    }

    private void ReleaseIdle(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (now - entry.LastUsed > IdleRelease && _entries.TryRemove(key, out var removed))
            {
                (removed.Trainer as IDisposable)?.Dispose();
            }
        }
    }

    private sealed class Entry(SearchSpace space, ITrainer trainer)
    {
        public SearchSpace Space { get; } = space;

        public ITrainer Trainer { get; } = trainer;

        public DateTimeOffset LastUsed { get; set; }
    }
}
