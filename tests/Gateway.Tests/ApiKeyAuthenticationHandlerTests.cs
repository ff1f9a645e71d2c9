using System.Net;
using Grpc.Core;
using NasOrleans.Gateway.Auth;
using NasOrleans.Gateway.Protos;

namespace NasOrleans.Gateway.Tests;

/// <summary>The NasApiKey scheme and the nas.read/nas.write policies on real calls: 401 without a valid key, 403 for the wrong scope or owner.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ApiKeyAuthenticationHandlerTests(GatewayServer server)
{
    private readonly StudyService.StudyServiceClient _studies = new(server.Channel);
    private readonly TrialService.TrialServiceClient _trials = new(server.Channel);

    [Theory]
    [InlineData(null)]
    [InlineData("nas_not-a-key-of-this-service")]
    [InlineData("")]
    public async Task Calls_NoKeyOrWrongKey_Are401AndUnauthenticated(string? key)
    {
        using var http = server.Http(key);

        using var list = await http.GetAsync(new Uri("/v1/studies", UriKind.Relative));
        using var create = await http.PostAsync(new Uri("/v1/studies", UriKind.Relative), Specs.CreateBody(Specs.External(GatewayServer.Name("anonymous"), 2)));
        var grpc = await Assert.ThrowsAsync<RpcException>(async () => await _studies.ListStudiesAsync(new ListStudiesRequest(), GatewayServer.With(key)));
        var suggest = await Assert.ThrowsAsync<RpcException>(async () => await _trials.SuggestTrialsAsync(new SuggestTrialsRequest { StudyId = "x", ClientId = "w", Count = 1 }, GatewayServer.With(key)));

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, grpc.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, suggest.StatusCode);
    }

    [Fact]
    public async Task Calls_ReadKeyOnWriteCalls_Are403ButReadsPass()
    {
        var name = GatewayServer.Name("read-key");
        await _studies.CreateStudyAsync(new CreateStudyRequest { Spec = Specs.External(name, 2) }, GatewayServer.With(server.AliceWrite));
        using var http = server.Http(server.AliceRead);

        using var get = await http.GetAsync(new Uri($"/v1/studies/{name}", UriKind.Relative));
        using var cancel = await http.PostAsync(new Uri($"/v1/studies/{name}:cancel", UriKind.Relative), Specs.Json(new { }));
        using var create = await http.PostAsync(new Uri("/v1/studies", UriKind.Relative), Specs.CreateBody(Specs.External(GatewayServer.Name("by-reader"), 2)));
        var suggest = await Assert.ThrowsAsync<RpcException>(async () => await _trials.SuggestTrialsAsync(new SuggestTrialsRequest { StudyId = name, ClientId = "w", Count = 1 }, GatewayServer.With(server.AliceRead)));
        var delete = await Assert.ThrowsAsync<RpcException>(async () => await _studies.DeleteStudyAsync(new DeleteStudyRequest { StudyId = name }, GatewayServer.With(server.AliceRead)));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, suggest.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, delete.StatusCode);
        Assert.Equal("running", (await _studies.GetStudyAsync(new GetStudyRequest { StudyId = name }, GatewayServer.With(server.AliceRead))).Status);
    }

    [Fact]
    public async Task Calls_OtherOwnersStudy_Are403AndUnlistedButAdminSeesIt()
    {
        var name = GatewayServer.Name("alices");
        await _studies.CreateStudyAsync(new CreateStudyRequest { Spec = Specs.External(name, 2) }, GatewayServer.With(server.AliceWrite));
        var bob = GatewayServer.With(server.BobWrite);

        var get = await Assert.ThrowsAsync<RpcException>(async () => await _studies.GetStudyAsync(new GetStudyRequest { StudyId = name }, bob));
        var cancel = await Assert.ThrowsAsync<RpcException>(async () => await _studies.CancelStudyAsync(new CancelStudyRequest { StudyId = name }, bob));
        var suggest = await Assert.ThrowsAsync<RpcException>(async () => await _trials.SuggestTrialsAsync(new SuggestTrialsRequest { StudyId = name, ClientId = "bob", Count = 1 }, bob));
        var theirs = await Assert.ThrowsAsync<RpcException>(async () => await _studies.ListStudiesAsync(new ListStudiesRequest { Owner = "alice" }, bob));
        var bobs = await _studies.ListStudiesAsync(new ListStudiesRequest(), bob);
        var admin = await _studies.ListStudiesAsync(new ListStudiesRequest { Owner = "alice" }, GatewayServer.With(server.Admin));
        var adminGet = await _studies.GetStudyAsync(new GetStudyRequest { StudyId = name }, GatewayServer.With(server.Admin));

        Assert.Equal(StatusCode.PermissionDenied, get.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, cancel.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, suggest.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, theirs.StatusCode);
        Assert.DoesNotContain(bobs.Studies, s => s.StudyId == name);
        Assert.Contains(admin.Studies, s => s.StudyId == name);
        Assert.All(admin.Studies, s => Assert.Equal("alice", s.Owner));
        Assert.Equal("running", adminGet.Status);
        using var http = server.Http(server.BobWrite);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri($"/v1/studies/{name}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Calls_KeyInXApiKeyHeaderOrCookie_AreAuthenticated()
    {
        using var header = server.Http(null);
        header.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, server.AliceRead);
        using var cookie = server.Http(null);
        cookie.DefaultRequestHeaders.Add("Cookie", $"{ApiKeyDefaults.CookieName}={server.AliceRead}");
        var metadata = new CallOptions(new Metadata { { "x-api-key", server.AliceRead } });

        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync(new Uri("/v1/studies", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync(new Uri("/v1/studies", UriKind.Relative))).StatusCode);
        Assert.NotNull(await _studies.ListStudiesAsync(new ListStudiesRequest(), metadata));
    }

    [Fact]
    public async Task Calls_KeyAddedWhileServing_IsAcceptedWithoutARestart()
    {
        var (_, key) = ApiKeyFile.Add(server.KeysFile, "carol", ApiKeyDefaults.ReadScope);
        using var http = server.Http(key);
        using var deadline = new CancellationTokenSource(ApiKeyStore.ReloadInterval * 5);
        HttpStatusCode status;
        do
        {
            using var response = await http.GetAsync(new Uri("/v1/studies", UriKind.Relative), CancellationToken.None);
            status = response.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }
        while (status != HttpStatusCode.OK && !deadline.IsCancellationRequested);

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
