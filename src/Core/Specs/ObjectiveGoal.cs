namespace NasOrleans.Core.Specs;

/// <summary>Whether the objective metric is maximized or minimized.</summary>
public enum ObjectiveGoal
{
    /// <summary>Higher is better (accuracy).</summary>
    Maximize,

    /// <summary>Lower is better (loss, latency).</summary>
    Minimize,
}
