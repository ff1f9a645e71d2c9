namespace NasOrleans.Training.Supernets.MultiPath;

/// <summary>
/// One node of a <see cref="MultiPathModel"/>: an op at a supernet position, the domains that route through it (in
/// domain order; a domain's batch norms inside the node are at its index in this list), and the most input and output
/// channels any of them gives it (the node's weights hold that shape; each domain uses its leading slice).
/// </summary>
internal sealed record MultiPathNodeSpec(string Key, string Block, int Kernel, int Expansion, IReadOnlyList<int> Users, int MaxInputs, int MaxOutputs)
{
    /// <summary>The position of <paramref name="domain"/>'s batch norms in the node.</summary>
    public int Local(int domain)
    {
        var local = Users.ToList().IndexOf(domain);
        return local >= 0 ? local : throw new InvalidOperationException($"Domain {domain} does not route through node {Key}.");
    }
}
