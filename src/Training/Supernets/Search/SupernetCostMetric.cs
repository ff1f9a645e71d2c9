namespace NasOrleans.Training.Supernets.Search;

/// <summary>Which cost of a path (<see cref="Supernet.PathCost"/>) the reward weighs against the cost target.</summary>
public enum SupernetCostMetric
{
    /// <summary>The parameters the path uses.</summary>
    Params,

    /// <summary>The FLOPs of one sample through the path.</summary>
    Flops,
}
