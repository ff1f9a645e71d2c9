namespace NasOrleans.Training.Supernets.MultiPath;

/// <summary>The rows of MPNAS's comparison (Wang et al. 2021, Table 2), each searched and trained with the same per-domain steps.</summary>
public enum MpnasRow
{
    /// <summary>Domain-independent search: one single-domain TuNAS search and one stand-alone model per domain (a bundle).</summary>
    Bundle,

    /// <summary>One controller for all domains: a single shared path with a head per domain.</summary>
    SharedPath,

    /// <summary>MPNAS, a controller and a path per domain, the domains' losses summed.</summary>
    PlainSum,

    /// <summary>MPNAS with ABDP, <c>sum_d exp(L_d / w)</c>.</summary>
    Abdp,
}
