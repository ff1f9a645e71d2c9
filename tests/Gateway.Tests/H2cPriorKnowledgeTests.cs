using System.Net;

namespace NasOrleans.Gateway.Tests;

/// <summary>One plain-http port answers HTTP/1.1 and prior-knowledge HTTP/2 (what gRPC clients speak on http://).</summary>
[Collection(GatewayCollection.Name)]
public sealed class H2cPriorKnowledgeTests(GatewayServer server)
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    public async Task Healthz_EitherHttpVersion_IsAnsweredInThatVersion(int major, int minor)
    {
        var version = new Version(major, minor);
        using var http = new HttpClient { BaseAddress = server.Address, DefaultRequestVersion = version, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(version, response.Version);
    }
}
