namespace NasOrleans.Hosting.Security;

/// <summary>Puts the cluster key on every grain call this process makes (silos and trusted clients alike).</summary>
internal sealed class ClusterKeyOutgoingFilter(ClusterKey key) : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequestContext.Set(ClusterKey.RequestContextKey, key.Text);
        return context.Invoke();
    }
}
