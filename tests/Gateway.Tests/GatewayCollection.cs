namespace NasOrleans.Gateway.Tests;

/// <summary>The tests that share one <see cref="GatewayServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayServer>
{
    public const string Name = "gateway";
}
