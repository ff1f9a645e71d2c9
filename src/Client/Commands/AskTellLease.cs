namespace NasOrleans.Client.Commands;

/// <summary>A trial leased to a benchmark worker.</summary>
internal sealed record AskTellLease(long TrialId, string LeaseId);
