namespace NasOrleans.Training.Supernets.Search;

/// <summary>What a <see cref="SupernetSearchJob"/> run did.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Message">Why it ended early, in words (null when completed).</param>
/// <param name="StepsRun">Steps this run trained (not counting those before the checkpoint it resumed from).</param>
/// <param name="ResumedFrom">The step of the checkpoint it resumed from (0 when it started fresh).</param>
/// <param name="LastCheckpoint">The step of the last checkpoint it loaded or wrote (0 when none).</param>
/// <param name="Curves">Per domain, the means of every checkpoint interval since step 0.</param>
/// <param name="WallSeconds">Wall time of this run's steps.</param>
/// <param name="SamplesPerSecond">Training samples (all domains) per second of <paramref name="WallSeconds"/>, validation and rewards included.</param>
/// <param name="ControllerSeconds">Of <paramref name="WallSeconds"/>, the time spent waiting on the controllers (paths, rewards, policies: the grain round trips in a cluster).</param>
public sealed record SupernetSearchResult(
    SupernetSearchStatus Status,
    string? Message,
    long StepsRun,
    long ResumedFrom,
    long LastCheckpoint,
    IReadOnlyList<SupernetDomainCurve> Curves,
    double WallSeconds,
    double SamplesPerSecond,
    double ControllerSeconds = 0);
