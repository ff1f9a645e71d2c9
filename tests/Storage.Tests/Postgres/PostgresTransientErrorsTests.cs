using System.Net.Sockets;
using NasOrleans.Storage.Postgres;
using Npgsql;

namespace NasOrleans.Storage.Tests.Postgres;

public sealed class PostgresTransientErrorsTests
{
    [Theory]
    [InlineData("57P01")] // admin shutdown: the server is restarting
    [InlineData("57P03")] // cannot connect now: the server is starting
    [InlineData("08006")] // connection failure
    [InlineData("08001")] // unable to connect
    [InlineData("53300")] // too many connections
    [InlineData("40P01")] // deadlock detected
    public void IsTransient_RetryableSqlState_IsTrue(string sqlState)
    {
        Assert.True(PostgresTransientErrors.IsTransient(Postgres(sqlState), out var reason));
        Assert.Contains(sqlState, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("42P01")] // undefined table
    [InlineData("22021")] // invalid byte sequence
    public void IsTransient_PermanentSqlState_IsFalse(string sqlState)
    {
        Assert.False(PostgresTransientErrors.IsTransient(Postgres(sqlState), out _));
    }

    [Fact]
    public void IsTransient_ConnectionRefused_IsTrue()
    {
        var refused = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(PostgresTransientErrors.IsTransient(refused, out var reason));
        Assert.Contains("SocketException", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void IsTransient_ArgumentError_IsFalse()
    {
        Assert.False(PostgresTransientErrors.IsTransient(new ArgumentException("bad"), out _));
    }

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);
}
