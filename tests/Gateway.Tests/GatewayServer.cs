using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Hosting;
using NasOrleans.Gateway.Auth;
using NasOrleans.Hosting;

namespace NasOrleans.Gateway.Tests;

/// <summary>
/// A real silo in this process (<see cref="NasSiloHost"/>, memory store, two trainer slots) whose Kestrel serves the
/// gateway on a free port, with keys for alice (write and read), bob (write) and an admin.
/// </summary>
public sealed class GatewayServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-gateway-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private IHost? _host;

    public Uri Address { get; private set; } = null!;

    public string KeysFile => Path.Combine(_directory, "api-keys.json");

    public string AliceWrite { get; private set; } = "";

    public string AliceRead { get; private set; } = "";

    public string BobWrite { get; private set; } = "";

    public string Admin { get; private set; } = "";

    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        AliceWrite = ApiKeyFile.Add(KeysFile, "alice", ApiKeyDefaults.WriteScope).Key;
        AliceRead = ApiKeyFile.Add(KeysFile, "alice", ApiKeyDefaults.ReadScope).Key;
        BobWrite = ApiKeyFile.Add(KeysFile, "bob", ApiKeyDefaults.WriteScope).Key;
        Admin = ApiKeyFile.Add(KeysFile, "root", ApiKeyDefaults.AdminScope).Key;
        var http = FreePort();
        string[] args =
        [
            "--Nas:Silo:Store=Memory",
            $"--Nas:Silo:DataDirectory={_directory}",
            $"--Nas:Silo:HttpPort={http}",
            "--Nas:Silo:HttpAddress=127.0.0.1",
            "--Nas:Silo:TrainerSlots=2",
            $"--Nas:Cluster:SiloPort={FreePort()}",
            $"--Nas:Cluster:GatewayPort={FreePort()}",
            $"--Nas:Cluster:ClusterId=gw-{Guid.NewGuid():N}",
            "--Nas:Gateway:Enabled=true",
            $"--Nas:Gateway:ApiKeysFile={KeysFile}",
            "--Logging:LogLevel:Default=Warning",
        ];
        _host = NasSiloHost.Build(args, SiloRole.All, trainerSlotsDefault: 2);
        await _host.StartAsync();
        Address = new Uri($"http://127.0.0.1:{http}");
        Channel = GrpcChannel.ForAddress(Address);
        await WaitReadyAsync();
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync(TimeSpan.FromSeconds(20));
            _host.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>An HTTP/1.1 client of the service that presents <paramref name="key"/> as a bearer token (none when null).</summary>
    public HttpClient Http(string? key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>gRPC call options that present <paramref name="key"/> (none when null).</summary>
    public static CallOptions With(string? key) =>
        new(headers: key is null ? [] : new Metadata { { "authorization", "Bearer " + key } }, deadline: DateTime.UtcNow.AddSeconds(30));

    /// <summary>A study name no other test uses.</summary>
    public static string Name(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    private async Task WaitReadyAsync()
    {
        using var http = Http(null);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), deadline.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
