using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Studies;

/// <summary>Builds a study's summary from its state, spec and ledger alone (no grain call).</summary>
internal static class StudySummaryFactory
{
    public static StudySummary Create(string studyId, StudyState state, StudySpec? spec, StudyLedger? ledger, DateTimeOffset now)
    {
        var inFlight = ledger?.InFlight ?? 0;
        var running = state.Status == StudyStatus.Running ? ledger?.Running ?? 0 : 0;
        return new StudySummary
        {
            StudyId = studyId,
            Status = state.Status,
            SpecJson = state.SpecJson ?? "",
            SpecHash = state.SpecHash,
            Seed = spec?.Algorithm.Seed ?? 0,
            ProductVersion = state.ProductVersion,
            DataChecksums = state.DataChecksums,
            CreatedAt = state.CreatedAt,
            UpdatedAt = now,
            MaxTrials = spec?.Budget.MaxTrials ?? 0,
            Completed = ledger?.Completed ?? 0,
            Failed = ledger?.Failed ?? 0,
            Cached = ledger?.Cached ?? 0,
            Running = running,
            Pending = inFlight - running,
            Observed = ledger?.Finished ?? 0,
            BestTrialId = ledger?.Best?.TrialId,
            BestScore = ledger?.Best?.Score,
            Message = state.Message,
            Algorithm = spec?.Algorithm.Name ?? "",
            Owner = state.Owner,
            ExtraTrials = state.ExtraTrials,
            Objective = spec is null ? "" : $"{spec.Objective.Goal.ToString().ToLowerInvariant()} {spec.Objective.Metric}",
        };
    }
}
