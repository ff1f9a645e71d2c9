namespace NasOrleans.Fault.Tests;

/// <summary>One private PostgreSQL and one private Redis for the whole fault collection, stopped by pid at the end.</summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private PostgresServer? _postgres;
    private RedisServer? _redis;

    internal PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("Not started.");

    internal RedisServer Redis => _redis ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartPrivateAsync();
        try
        {
            _redis = await RedisServer.StartAsync();
        }
        catch
        {
            await _postgres.DisposeAsync();
            _postgres = null;
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "Fault";
}
