namespace NasOrleans.Grains.Strategies;

/// <summary>
/// What a <see cref="JournaledStrategy"/> writes into a <c>StrategySnapshot</c>: the strategy's own state and the
/// bookkeeping derived from the journal up to the snapshot (the next trial id, the proposals not observed yet and the
/// trial ids observed), as JSON.
/// </summary>
/// <param name="Strategy">The strategy's state (<c>ISearchStrategy.SaveState</c>).</param>
/// <param name="NextTrialId">The first trial id not proposed yet.</param>
/// <param name="Pending">Proposed trials not observed yet: trial id to architecture key.</param>
/// <param name="ObservedBits">The observed trial ids as a <see cref="TrialIdSet"/> bitmap.</param>
/// <param name="ObservedCount">How many trial ids are in <paramref name="ObservedBits"/>.</param>
/// <param name="Kept">Proposals of observed trials, for strategies asked for them again (<c>IReplaysProposals</c>); null for the others.</param>
internal sealed record StrategySnapshotPayload(string Strategy, long NextTrialId, Dictionary<long, string> Pending, byte[] ObservedBits, int ObservedCount, Dictionary<long, string>? Kept = null);
