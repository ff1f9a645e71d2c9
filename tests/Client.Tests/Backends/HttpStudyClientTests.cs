using NasOrleans.Client.Backends;

namespace NasOrleans.Client.Tests.Backends;

public sealed class HttpStudyClientTests
{
    [Fact]
    public async Task OpenAsync_ServerAndGatewayBoth_IsInvalidInput()
    {
        var settings = new CommonSettings(".nas", null, "127.0.0.1:30000", false, Server: "http://127.0.0.1:8080");

        var error = await Assert.ThrowsAsync<CliException>(() => StudyClientFactory.OpenAsync(settings, CancellationToken.None));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("--server and --gateway", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_Server_OpensTheHttpClientWithoutTouchingTheDataDirectory()
    {
        var missing = Path.Combine(Path.GetTempPath(), "nas-missing-" + Guid.NewGuid().ToString("N"));

        await using var client = await StudyClientFactory.OpenAsync(new CommonSettings(missing, null, null, false, Server: "http://127.0.0.1:8080"), CancellationToken.None);

        Assert.IsType<HttpStudyClient>(client);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void CreateHttpClient_NotAnHttpUrl_NamesTheOptionAndTheForm()
    {
        var error = Assert.Throws<CliException>(() => HttpStudyClient.CreateHttpClient("127.0.0.1:8080", null));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("http://127.0.0.1:8080", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListStudiesAsync_NothingListening_IsUnavailableNamingTheServer()
    {
        using var listener = new global::System.Net.Sockets.TcpListener(global::System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((global::System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var client = HttpStudyClient.Open($"http://127.0.0.1:{port}", null);

        var error = await Assert.ThrowsAsync<CliException>(() => client.ListStudiesAsync(CancellationToken.None));

        Assert.Equal(ExitCodes.Unavailable, error.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }
}
