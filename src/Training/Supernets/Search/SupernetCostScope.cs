namespace NasOrleans.Training.Supernets.Search;

/// <summary>Whose parameters a domain's reward weighs against the cost target (<see cref="SupernetSearchSettings.CostScope"/>).</summary>
public enum SupernetCostScope
{
    /// <summary>The domain's own path, as a stand-alone network (TuNAS; domain-independent search).</summary>
    Path,

    /// <summary>
    /// The multi-path model of every domain's path of the step: its unique parameters, nodes two domains share counted
    /// once (MPNAS's cost of the whole model). Every domain's reward carries the same cost, so a controller earns by
    /// routing through the nodes the others use. FLOPs are per domain either way: each domain runs its own images.
    /// </summary>
    Model,
}
