namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>An agent's counts.</summary>
/// <param name="Updates">Updates applied (one per round it took part in).</param>
/// <param name="LastRound">The round of the last applied update (0: none).</param>
/// <param name="RolloutsReceived">Rollouts whose update arrived (applied, duplicate or stale), so that a test can see that nothing was applied twice.</param>
/// <param name="Steps">Environment steps of the applied rollouts.</param>
/// <param name="LastMeanReturn">The mean episode return of the last applied rollout.</param>
/// <param name="StateBytes">The size of the stored package.</param>
/// <param name="Duplicates">Updates that arrived for a round already applied (a round repeated after its trainer was lost), not applied again.</param>
/// <param name="Stale">Updates computed from a state that was no longer current, not applied.</param>
[GenerateSerializer, Immutable]
[Alias("nas.PairedAgentInfo")]
public sealed record PairedAgentInfo(
    [property: Id(0)] int Updates,
    [property: Id(1)] long LastRound,
    [property: Id(2)] int RolloutsReceived,
    [property: Id(3)] long Steps,
    [property: Id(4)] double LastMeanReturn,
    [property: Id(5)] int StateBytes,
    [property: Id(6)] int Duplicates = 0,
    [property: Id(7)] int Stale = 0);
