namespace NasOrleans.Core.Strategies;

/// <summary>
/// A strategy whose proposals are asked for again after they were observed (a supernet search resumed from a checkpoint
/// replays the steps after it, whose rewards may have been sent already): its host keeps every proposal by id, not
/// only the ones not observed yet, and answers a repeated id with the same proposal.
/// </summary>
public interface IReplaysProposals;
