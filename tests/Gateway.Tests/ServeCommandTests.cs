using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Xunit.Abstractions;

namespace NasOrleans.Gateway.Tests;

/// <summary><c>nas serve</c> as a real process: its one line, its keys, /healthz, an ask/tell study to the end, and a clean stop on SIGTERM.</summary>
public sealed class ServeCommandTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-serve-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Serve_FirstStart_PrintsItsLineServesAskTellAndStopsOnSigterm()
    {
        var port = FreePort();
        using var process = Start("serve", "--data-dir", _directory, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", "memory", "--slots", "0");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120));
            var adminKeyFile = Path.Combine(_directory, "secrets", "admin.key");
            Assert.Equal($"NasOrleans service on http://127.0.0.1:{port} (admin key in {adminKeyFile})", line);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(adminKeyFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "secrets", "api-keys.json")));

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/v1/studies", UriKind.Relative))).StatusCode);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(adminKeyFile)).Trim());
            var name = GatewayServer.Name("served");
            using (var created = await http.PostAsync(new Uri("/v1/studies", UriKind.Relative), Specs.CreateBody(Specs.External(name, 3))))
            {
                Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
            }

            var told = await WorkAsync(http, name);
            using var study = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/v1/studies/{name}", UriKind.Relative)));
            Assert.Equal(3, told);
            Assert.Equal("completed", study.RootElement.GetProperty("status").GetString());
            Assert.Equal("admin", study.RootElement.GetProperty("owner").GetString());

            using (Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            lock (errors)
            {
                log.WriteLine(errors.ToString());
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>An ask/tell worker over HTTP/JSON until the study says done; the number of results it told.</summary>
    private static async Task<int> WorkAsync(HttpClient http, string study)
    {
        var told = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            deadline.Token.ThrowIfCancellationRequested();
            using var suggested = await http.PostAsync(new Uri($"/v1/studies/{study}/trials:suggest", UriKind.Relative), Specs.Json(new { client_id = "proc-worker", count = 2 }), deadline.Token);
            using var reply = JsonDocument.Parse(await suggested.Content.ReadAsStringAsync(deadline.Token));
            if (reply.RootElement.GetProperty("studyDone").GetBoolean())
            {
                return told;
            }

            foreach (var trial in reply.RootElement.GetProperty("trials").EnumerateArray())
            {
                var id = trial.GetProperty("trialId").GetInt64();
                var body = Specs.Json(new { lease_id = trial.GetProperty("leaseId").GetString(), metrics = new Dictionary<string, double> { ["accuracy"] = 0.5 } });
                using var completed = await http.PostAsync(new Uri($"/v1/studies/{study}/trials/{id}:complete", UriKind.Relative), body, deadline.Token);
                using var answer = JsonDocument.Parse(await completed.Content.ReadAsStringAsync(deadline.Token));
                Assert.True(answer.RootElement.GetProperty("accepted").GetBoolean(), answer.RootElement.GetProperty("reason").GetString());
                told++;
            }

            if (reply.RootElement.GetProperty("trials").GetArrayLength() == 0)
            {
                await Task.Delay(20, deadline.Token);
            }
        }
    }

    internal static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(NasDll());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static string NasDll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NasOrleans.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("NasOrleans.sln not found above the test's folder"), "src", "Client", "bin", configuration, "net10.0", "nas.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build src/Client first: {path} is missing.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
