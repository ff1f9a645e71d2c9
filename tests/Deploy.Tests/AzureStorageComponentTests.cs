using NasOrleans.Hosting;

namespace NasOrleans.Deploy.Tests;

/// <summary>
/// deploy/k8s/components/azure-storage on top of the production overlay (as a user adds it): every silo keeps its
/// store in the account of the nas-azure Secret, by secretKeyRef, with nothing left that needs nas-postgres.
/// </summary>
public sealed class AzureStorageComponentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nas-k8s-azure-").FullName;
    private readonly Lazy<string> _yaml;

    public AzureStorageComponentTests()
    {
        var k8s = Path.GetRelativePath(_folder, RepositoryPaths.K8s).Replace('\\', '/');
        File.WriteAllText(Path.Combine(_folder, "kustomization.yaml"), $"""
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - {k8s}/overlays/production
            components:
              - {k8s}/components/azure-storage
            """);
        _yaml = new Lazy<string>(() => Kustomize.RenderFolder(_folder));
    }

    [Fact]
    public void Component_OnProduction_EverySiloUsesTheAzureSecretAndNoPostgres()
    {
        var silos = RenderedManifests.Parse(_yaml.Value).SiloDeployments;

        Assert.NotEmpty(silos);
        foreach (var silo in silos)
        {
            var env = silo.Spec.Template.Spec.Containers.Single().Env;
            Assert.Equal(nameof(StoreKind.Azure), env.Single(e => e.Name == "Nas__Silo__" + nameof(NasSiloOptions.Store)).Value);
            var connection = env.Single(e => e.Name == "Nas__Silo__" + nameof(NasSiloOptions.AzureConnectionString));
            Assert.Null(connection.Value);
            Assert.Equal(("nas-azure", "connection"), (connection.ValueFrom.SecretKeyRef.Name, connection.ValueFrom.SecretKeyRef.Key));
            Assert.DoesNotContain(env, e => e.Name == "Nas__Silo__" + nameof(NasSiloOptions.PostgresConnectionString));
        }

        Assert.DoesNotContain("nas-postgres", _yaml.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Component_OnProduction_PassesKubernetesAndKedaSchemas()
    {
        var result = SchemaValidator.Validate(_yaml.Value);

        Assert.True(result.ExitCode == 0, $"production + azure-storage is invalid:\n{result.StandardOutput}{result.StandardError}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
