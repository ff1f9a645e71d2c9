namespace NasOrleans.Storage.Tests.Azure;

/// <summary>The Azure Storage tests share one Azurite (<see cref="AzuriteFixture"/>) and run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
