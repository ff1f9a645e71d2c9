namespace NasOrleans.Storage.Tests.Postgres;

/// <summary>The PostgreSQL tests share one server (<see cref="PostgresFixture"/>) and run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
