using k8s;

namespace NasOrleans.Deploy.Tests;

/// <summary>Every rendered document against the Kubernetes and KEDA schemas (node validator) and the strict typed loader.</summary>
public sealed class SchemaValidationTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: broken
        spec:
          selector:
            matchLabels: {app: broken}
          template:
            metadata:
              labels: {app: broken}
            spec:
              containers:
                - name: silo
                  image: nasorleans/control-silo:0.1.0
                  ports:
                    - containerPort: PORT
        """;

    [Theory]
    [MemberData(nameof(RepositoryPaths.OverlayData), MemberType = typeof(RepositoryPaths))]
    public void Validate_RenderedOverlay_PassesKubernetesAndKedaSchemas(string overlay)
    {
        var result = SchemaValidator.Validate(Kustomize.Render(overlay));
        Assert.True(result.ExitCode == 0, $"deploy/k8s/overlays/{overlay} is invalid:\n{result.StandardOutput}{result.StandardError}");
    }

    [Fact]
    public void Validate_WrongFieldType_FailsNamingTheField()
    {
        var result = SchemaValidator.Validate(Deployment.Replace("PORT", "gateway", StringComparison.Ordinal));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("containerPort must be integer", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ScaledObjectWithWrongType_Fails()
    {
        var broken = Kustomize.Render("dev").Replace("minReplicaCount: 1", "minReplicaCount: one", StringComparison.Ordinal);
        var result = SchemaValidator.Validate(broken);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ScaledObject/nas-trainer-cpu", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownKind_Fails()
    {
        var result = SchemaValidator.Validate(Deployment.Replace("kind: Deployment", "kind: Deploymnet", StringComparison.Ordinal).Replace("PORT", "1", StringComparison.Ordinal));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no schema for apps/v1 Deploymnet", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidDocument_Passes()
    {
        Assert.Equal(0, SchemaValidator.Validate(Deployment.Replace("PORT", "30000", StringComparison.Ordinal)).ExitCode);
    }

    [Fact]
    public void Parse_UnknownField_Fails()
    {
        var misspelt = Deployment.Replace("containerPort: PORT", "containerPrt: 30000", StringComparison.Ordinal);
        var error = Assert.ThrowsAny<Exception>(() => RenderedManifests.Parse(misspelt));
        Assert.Contains("containerPrt", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownScaledObjectField_Fails()
    {
        var misspelt = Kustomize.Render("dev").Replace("maxReplicaCount:", "maxReplicas:", StringComparison.Ordinal);
        var error = Assert.ThrowsAny<Exception>(() => RenderedManifests.Parse(misspelt));
        Assert.Contains("maxReplicas", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KnownFields_LoadsTypedModels()
    {
        var deployment = Assert.IsType<V1Deployment>(Assert.Single(RenderedManifests.Parse(Deployment.Replace("PORT", "30000", StringComparison.Ordinal)).Objects));
        Assert.Equal(30000, deployment.Spec.Template.Spec.Containers[0].Ports[0].ContainerPort);
        Assert.NotNull(KubernetesYaml.Serialize(deployment));
    }
}
