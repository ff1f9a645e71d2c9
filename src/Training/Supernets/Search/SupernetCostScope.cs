namespace NasOrleans.Training.Supernets.Search;

/// <summary>Whose parameters a domain's reward weighs against the cost target (<see cref="SupernetSearchSettings.CostScope"/>).</summary>
public enum SupernetCostScope
{
    /// <summary>The domain's own path, as a stand-alone network (TuNAS; domain-independent search).</summary>
    Path,

    /// <summary>
    /// The multi-path model of every domain's path of the step (MPNAS's cost of the whole model): each domain's reward
    /// weighs its share of the model's unique parameters (every weight split evenly among the domains that use it; the
    /// shares add up to the model's) against the target split evenly among the domains. A controller lowers its share
    /// by routing through the nodes the others use. FLOPs are per domain either way: each domain runs its own images.
    /// </summary>
    Model,
}
