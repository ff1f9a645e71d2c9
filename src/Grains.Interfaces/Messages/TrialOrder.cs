namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>How a page of trials is ordered.</summary>
[GenerateSerializer]
[Alias("nas.TrialOrder")]
public enum TrialOrder
{
    /// <summary>By trial id, ascending.</summary>
    ById = 0,

    /// <summary>Completed feasible trials by score, best first (ties by trial id).</summary>
    ByScore = 1,
}
