using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace NasOrleans.Fault.Tests;

/// <summary>
/// Secure by default: what start-services.sh and start-silos.sh set up refuses what the outside check of the local
/// cluster did (a local user running OS commands through PostgreSQL, Redis without a password, running as root,
/// connection strings on command lines).
/// </summary>
public partial class ClusterScriptTests(ClusterServicesFixture services) : IClassFixture<ClusterServicesFixture>
{
    [Fact]
    public async Task StartServices_RoleNas_RefusesCopyFromProgramAndSuperuserActions()
    {
        await using var nas = new NpgsqlConnection(services.PostgresConnection);
        await nas.OpenAsync();
        Assert.Equal("nas", await ScalarAsync(nas, "SELECT current_user"));
        Assert.Equal(false, await ScalarAsync(nas, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal("nas", await ScalarAsync(nas, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
        await ExecuteAsync(nas, "CREATE TABLE IF NOT EXISTS probe (line text)"); // the product's own work: allowed

        foreach (var sql in new[]
        {
            "COPY probe FROM PROGRAM 'id'",
            "SELECT pg_read_file('/etc/passwd')",
            "CREATE ROLE intruder SUPERUSER",
            "CREATE DATABASE intruder",
            "ALTER SYSTEM SET log_statement = 'all'",
            "ALTER ROLE nas SUPERUSER",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(nas, sql));
            Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refused.SqlState} {refused.MessageText}");
        }

        // The detector fires: the superuser (its password is for administration only) can run the same COPY.
        var superuser = new NpgsqlConnectionStringBuilder(services.PostgresConnection) { Username = "postgres", Password = services.Secret("pg-superuser-password") };
        await using var admin = new NpgsqlConnection(superuser.ConnectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, "COPY probe FROM PROGRAM 'id -u'");
        Assert.Equal(1L, await ScalarAsync(admin, "SELECT count(*) FROM probe"));
        await ExecuteAsync(admin, "DELETE FROM probe");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-password")]
    public async Task StartServices_PostgresWithoutTheRightPassword_IsRefused(string? password)
    {
        var builder = new NpgsqlConnectionStringBuilder(services.PostgresConnection) { Password = password, Pooling = false };
        foreach (var user in new[] { "nas", "postgres" })
        {
            builder.Username = user;
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
            Assert.True(password is null || refused is PostgresException { SqlState: PostgresErrorCodes.InvalidPassword }, refused.ToString());
        }

        // The detector fires: the same connection with the password from services.env opens.
        await using var right = new NpgsqlConnection(services.PostgresConnection);
        await right.OpenAsync();
    }

    [Fact]
    public async Task StartServices_RedisWithoutPassword_IsRefused()
    {
        Assert.StartsWith("-NOAUTH", await RedisAsync(services.RedisPort, null, "PING"), StringComparison.Ordinal);
        Assert.StartsWith("-WRONGPASS", await RedisAsync(services.RedisPort, null, "AUTH", "wrong-password"), StringComparison.Ordinal);
        Assert.StartsWith("-NOAUTH", await RedisAsync(services.RedisPort, null, "CONFIG", "SET", "dir", "/tmp"), StringComparison.Ordinal);

        Assert.Equal("+PONG", await RedisAsync(services.RedisPort, services.Secret("redis-password"), "PING"));
        Assert.Contains("password=" + services.Secret("redis-password"), services.RedisConnection, StringComparison.Ordinal);
    }

    [Fact]
    public void StartServices_RedisServer_DoesNotRunAsRoot()
    {
        var pid = int.Parse(File.ReadLines(Path.Combine(services.Directory, "redis.pid")).First(), CultureInfo.InvariantCulture);
        var uid = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];

        Assert.Contains("redis-server", File.ReadAllText($"/proc/{pid}/cmdline"), StringComparison.Ordinal);
        Assert.NotEqual("0", uid);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void StartServices_Secrets_AreReadableByTheirOwnerOnly()
    {
        string[] files = ["secrets/pg-password", "secrets/pg-superuser-password", "secrets/redis-password", "secrets/pg-connection", "secrets/redis-connection", "services.env", "redis/redis.conf"];
        foreach (var file in files)
        {
            var mode = File.GetUnixFileMode(Path.Combine(services.Directory, file));
            Assert.True(mode == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file}: {mode}");
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(services.Directory, "secrets")));
        Assert.DoesNotContain(services.Secret("pg-password"), services.StartOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(services.Secret("redis-password"), services.StartOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartServices_DataDirectoryThatTrustsLocalConnections_IsRefusedWithTheFix()
    {
        // What an older start-services.sh left: pg_hba trusting every local connection.
        var old = Directory.CreateTempSubdirectory("nas-old-services-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(old, "pg"));
            await File.WriteAllTextAsync(Path.Combine(old, "pg", "PG_VERSION"), "15\n");
            await File.WriteAllTextAsync(Path.Combine(old, "pg", "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");

            var (code, output) = await ClusterServicesFixture.RunScriptAsync("start-services.sh", [old], services.Environment, TimeSpan.FromMinutes(1));

            Assert.Equal(1, code);
            Assert.Contains("trusted every local connection", output, StringComparison.Ordinal);
            Assert.Contains("delete " + Path.Combine(old, "pg"), output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(old, recursive: true);
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Sends one command in the Redis protocol (after AUTH when <paramref name="password"/> is given); returns the first reply line.</summary>
    private static async Task<string> RedisAsync(int port, string? password, params string[] command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        if (password is not null)
        {
            await stream.WriteAsync(Resp(["AUTH", password]));
            Assert.Equal("+OK", await reader.ReadLineAsync());
        }

        await stream.WriteAsync(Resp(command));
        return await reader.ReadLineAsync() ?? "";
    }

    private static byte[] Resp(string[] parts) =>
        Encoding.ASCII.GetBytes($"*{parts.Length}\r\n" + string.Concat(parts.Select(p => $"${p.Length}\r\n{p}\r\n")));
}
