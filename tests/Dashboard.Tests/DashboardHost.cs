using System.Net;
using System.Net.Sockets;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Gateway;
using NasOrleans.Hosting;
using NasOrleans.Hosting.Http;
using NasOrleans.Hosting.Security;
using NasOrleans.Storage;

namespace NasOrleans.Dashboard.Tests;

/// <summary>
/// A real silo in this process (localhost clustering, the SQLite trial store, two synthetic trainer slots) whose
/// Kestrel serves the gateway and the dashboard under /ui, with the gateway's API keys (a keys file in its data directory).
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, string directory, string baseUrl, TestKeys keys)
    {
        _app = app;
        Directory = directory;
        BaseUrl = baseUrl;
        Keys = keys;
    }

    /// <summary>The silo's data directory (deleted on dispose).</summary>
    public string Directory { get; }

    /// <summary>http://127.0.0.1:PORT</summary>
    public string BaseUrl { get; }

    /// <summary>The keys the service accepts.</summary>
    public TestKeys Keys { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The trial store the silo uses.</summary>
    public ITrialStore Store => _app.Services.GetRequiredService<ITrialStore>();

    /// <summary>
    /// Starts the silo as a control silo's HTTP server is built (<see cref="NasHttpServer.Build"/> with
    /// Nas:Gateway:Enabled: the gateway's API-key authentication, its policies and the dashboard under /ui), with a
    /// cluster key as every embedded silo has.
    /// </summary>
    public static async Task<DashboardHost> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "nas-dashboard-" + Guid.NewGuid().ToString("N")[..8]);
        var keysFile = Path.Combine(directory, "secrets", "api-keys.json");
        var keys = TestKeys.Create(keysFile);
        var options = new NasSiloOptions
        {
            Store = StoreKind.Sqlite,
            DataDirectory = directory,
            TrainerSlots = 2,
            Devices = "cpu",
            MaxPollInterval = TimeSpan.FromMilliseconds(50),
            HttpAddress = "127.0.0.1",
            HttpPort = FreePort(),
        };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{NasGatewayOptions.SectionName}:{nameof(NasGatewayOptions.Enabled)}"] = "true",
            [$"{NasGatewayOptions.SectionName}:{nameof(NasGatewayOptions.ApiKeysFile)}"] = keysFile,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter((category, level) => level >= LogLevel.Error);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort(), null, "dashboard-tests", "dashboard-tests")
            .UseInMemoryReminderService()
            .UseNasClusterKey(ClusterKey.Generate())
            .AddNas(options));
        var app = NasHttpServer.Build(builder, options);
        await app.StartAsync();
        return new DashboardHost(app, directory, string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.HttpPort}"), keys);
    }

    /// <summary>Submits a synthetic study owned by <paramref name="owner"/>.</summary>
    public async Task<IStudyGrain> SubmitAsync(
        string name, string owner, int trials, int parallel = 2, int durationMs = 0, string algorithm = "random", int epochs = 1, string? holdFile = null)
    {
        var hold = holdFile is null ? "" : $", hold_file: '{holdFile}'";
        var spec = StudySpecParser.ParseYaml($$"""
            name: {{name}}
            objective: { metric: validation_accuracy }
            space:
              decisions:
                - { name: a, type: integer, min: 0, max: 999 }
                - { name: b, type: integer, min: 0, max: 999 }
                - { name: c, type: categorical, values: [relu, gelu, tanh] }
            algorithm: { name: {{algorithm}}, seed: 7 }
            trainer: { kind: synthetic, parameters: { duration_ms: {{durationMs}}, epochs: {{epochs}}{{hold}} } }
            budget: { max_trials: {{trials}}, parallel_trials: {{parallel}} }
            """);
        var study = Grains.GetGrain<IStudyGrain>(name);
        var submitted = await study.SubmitAsync(StudySpecJson.Serialize(spec), owner);
        Assert.True(submitted.Accepted, string.Join("; ", submitted.Errors));
        return study;
    }

    /// <summary>Waits until the study's status is <paramref name="status"/>.</summary>
    public static async Task<StudySummary> WaitForAsync(IStudyGrain study, StudyStatus status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var summary = await study.GetStatusAsync();
            if (summary.Status == status)
            {
                return summary;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{summary.StudyId} is {summary.Status} after {timeout}, not {status}: {summary.Message}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold its file for a moment; the temporary directory is the system's to clean.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
