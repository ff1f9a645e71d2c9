namespace NasOrleans.Core.Paired;

/// <summary>How a round's levels are made and what the adversary is rewarded for.</summary>
public enum PairedMethod
{
    /// <summary>PAIRED: the adversary and the antagonist maximize the regret, the protagonist minimizes it.</summary>
    Paired,

    /// <summary>The minimax adversary: rewarded with minus the protagonist's return; no antagonist.</summary>
    Minimax,

    /// <summary>Domain randomization: random walls, goal and agent; no adversary, no antagonist.</summary>
    DomainRandomization,
}
