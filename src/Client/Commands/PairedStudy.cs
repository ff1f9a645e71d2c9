using NasOrleans.Client.Backends;
using NasOrleans.Core.Paired;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary>An environment-design study (paired, minimax, domain-randomization) as <c>nas report</c> and <c>nas show</c> read it: its completed rounds in order.</summary>
internal sealed record PairedStudy(StudySummary Summary, IReadOnlyList<TrialRecord> Rounds)
{
    /// <summary>Whether the study designs environments.</summary>
    public static bool IsEnvironmentDesign(StudySummary summary) => PairedAlgorithms.Is(summary.Algorithm);

    /// <summary>The rounds' metrics, in round order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Metrics => [.. Rounds.Select(r => r.Metrics)];

    /// <summary>The last round that evaluated the protagonist on the held-out levels, or null.</summary>
    public TrialRecord? LastEvaluation => Rounds.LastOrDefault(r => r.Metrics.ContainsKey("heldout_solved_rate"));

    /// <summary>The held-out levels' solved rates of the last evaluation, by level name.</summary>
    public IReadOnlyList<(string Level, double Rate)> Transfer() =>
        LastEvaluation is { } e
            ? TransferMetrics.Read(e.Metrics)
            : [];

    /// <summary>Reads the study's completed rounds.</summary>
    public static async Task<PairedStudy> LoadAsync(IStudyClient client, StudySummary summary, CancellationToken cancellationToken)
    {
        var trials = await CompletedTrials.LoadAsync(client, summary.StudyId, scoredOnly: false, cancellationToken);
        return new PairedStudy(summary, [.. trials.OrderBy(t => t.TrialId)]);
    }
}
