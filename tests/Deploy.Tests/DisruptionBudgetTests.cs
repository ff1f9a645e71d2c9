namespace NasOrleans.Deploy.Tests;

/// <summary>A PodDisruptionBudget for every silo Deployment, selecting exactly its pods.</summary>
public sealed class DisruptionBudgetTests
{
    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void SiloDeployments_EachHaveAPodDisruptionBudget(string overlay)
    {
        var manifests = RenderedManifests.ForOverlay(overlay);
        Assert.All(manifests.SiloDeployments, deployment =>
        {
            var selector = deployment.Spec.Selector.MatchLabels;
            var budget = Assert.Single(manifests.OfType<V1PodDisruptionBudget>(), b => b.Spec.Selector.MatchLabels.SequenceEqual(selector));
            Assert.True(budget.Spec.MinAvailable is not null || budget.Spec.MaxUnavailable is not null, $"{budget.Metadata.Name}: minAvailable or maxUnavailable");
        });
    }

    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void ControlSilos_AtLeastTwoReplicas(string overlay)
    {
        Assert.True(RenderedManifests.ForOverlay(overlay).Named<V1Deployment>("nas-control").Spec.Replicas >= 2);
    }
}
