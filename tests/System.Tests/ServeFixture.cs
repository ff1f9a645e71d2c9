using System.Net;
using System.Net.Sockets;

namespace NasOrleans.System.Tests;

/// <summary>One `nas serve` on a fresh data directory and a free port, shared by a test class.</summary>
public sealed class ServeFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-serve-" + Guid.NewGuid().ToString("N"));
    private NasProcess? _serve;

    /// <summary>The service's URL.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The admin key file `nas serve` wrote.</summary>
    public string AdminKeyFile => Path.Combine(_directory, "data", "secrets", "admin.key");

    /// <summary>The admin key.</summary>
    public string AdminKey => File.ReadAllText(AdminKeyFile).Trim();

    /// <summary>A folder for the tests' files.</summary>
    public string Directory => _directory;

    public async Task InitializeAsync()
    {
        global::System.IO.Directory.CreateDirectory(_directory);
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        _serve = NasProcess.Start("serve", "--data-dir", Path.Combine(_directory, "data"), "--port", port.ToString(global::System.Globalization.CultureInfo.InvariantCulture), "--slots", "0");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (_serve.HasExited)
            {
                throw new InvalidOperationException("nas serve exited:\n" + _serve.Output);
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url + "/healthz"), timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK && File.Exists(AdminKeyFile))
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!timeout.IsCancellationRequested)
            {
                // one slow answer
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    public Task DisposeAsync()
    {
        _serve?.Dispose();
        global::System.IO.Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
