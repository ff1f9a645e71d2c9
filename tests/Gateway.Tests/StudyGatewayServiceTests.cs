using System.Net;
using System.Text.Json;
using Grpc.Core;
using NasOrleans.Gateway.Protos;

namespace NasOrleans.Gateway.Tests;

/// <summary>Studies over real HTTP/JSON and real gRPC (h2c) against a silo's gateway.</summary>
[Collection(GatewayCollection.Name)]
public sealed class StudyGatewayServiceTests(GatewayServer server)
{
    private readonly StudyService.StudyServiceClient _grpc = new(server.Channel);

    [Fact]
    public async Task CreateStudy_SyntheticSpecOverHttp_RunsToTheEndAndIsListedWithItsTrials()
    {
        var name = GatewayServer.Name("http-synthetic");
        using var http = server.Http(server.AliceWrite);

        using var created = await http.PostAsync(new Uri("/v1/studies", UriKind.Relative), Specs.CreateBody(Specs.Synthetic(name, 4)));
        var body = await created.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using (var study = JsonDocument.Parse(body))
        {
            Assert.Equal(name, study.RootElement.GetProperty("studyId").GetString());
            Assert.Equal("alice", study.RootElement.GetProperty("owner").GetString());
            Assert.Equal("running", study.RootElement.GetProperty("status").GetString());
        }

        var done = await StudyWaits.UntilAsync(server, server.AliceWrite, name, s => s.Status != "running");
        Assert.Equal("completed", done.Status);
        Assert.Equal(4, done.Completed);
        Assert.True(done.HasBest);
        Assert.Contains("\"name\":\"" + name + "\"", done.SpecJson, StringComparison.Ordinal);

        var listed = await http.GetStringAsync(new Uri("/v1/studies", UriKind.Relative));
        Assert.Contains($"\"studyId\":\"{name}\"", listed, StringComparison.Ordinal);
        using var trials = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/v1/studies/{name}/trials?limit=3&order=best", UriKind.Relative)));
        Assert.Equal(4, trials.RootElement.GetProperty("total").GetInt32());
        var page = trials.RootElement.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(3, page.Count);
        Assert.All(page, t => Assert.Equal("completed", t.GetProperty("status").GetString()));
        Assert.All(page, t => Assert.True(t.GetProperty("parameters").TryGetProperty("a", out _)));
        var scores = page.Select(t => t.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task CreateStudy_SpecWithErrors_Is400NamingEveryField()
    {
        using var http = server.Http(server.AliceWrite);
        var spec = $"name: {GatewayServer.Name("broken")}\nobjective: {{ metric: accuracy }}\nspace: {{ kind: custom, decisions: [ {{name: x, type: float, min: 1, max: 0}} ] }}\nalgorithm: {{ name: random }}\n";

        using var response = await http.PostAsync(new Uri("/v1/studies", UriKind.Relative), Specs.CreateBody(spec));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("budget.max_trials", body, StringComparison.Ordinal);
        Assert.Contains("trainer.kind", body, StringComparison.Ordinal);
        Assert.Contains("space.decisions", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStudy_SpecOverTheSizeLimit_IsInvalidArgumentBeforeParsing()
    {
        var spec = "name: big\n#" + new string('x', Core.Specs.SpecLimits.MaxBytes) + "\n";

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _grpc.CreateStudyAsync(new CreateStudyRequest { Spec = spec }, GatewayServer.With(server.AliceWrite)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("max_bytes", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStudy_StudyIdIsNotTheSpecName_IsInvalidArgument()
    {
        var request = new CreateStudyRequest { Spec = Specs.Synthetic(GatewayServer.Name("named"), 2), StudyId = "another-name" };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _grpc.CreateStudyAsync(request, GatewayServer.With(server.AliceWrite)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("study_id:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStudy_SameNameWithAnotherSpec_Is409()
    {
        var name = GatewayServer.Name("twice");
        using var http = server.Http(server.AliceWrite);
        using var first = await http.PostAsync(new Uri("/v1/studies", UriKind.Relative), Specs.CreateBody(Specs.External(name, 3)));
        using var same = await http.PostAsync(new Uri("/v1/studies", UriKind.Relative), Specs.CreateBody(Specs.External(name, 3)));

        using var other = await http.PostAsync(new Uri("/v1/studies", UriKind.Relative), Specs.CreateBody(Specs.External(name, 4)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("already exists", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtendStudy_CompletedStudyOverGrpc_RunsTheExtraTrials()
    {
        var name = GatewayServer.Name("grpc-extend");
        var key = GatewayServer.With(server.AliceWrite);
        await _grpc.CreateStudyAsync(new CreateStudyRequest { Spec = Specs.Synthetic(name, 3) }, key);
        await StudyWaits.UntilAsync(server, server.AliceWrite, name, s => s.Status == "completed");

        var extended = await _grpc.ExtendStudyAsync(new ExtendStudyRequest { StudyId = name, Trials = 2 }, key);

        Assert.Equal("running", extended.Status);
        var done = await StudyWaits.UntilAsync(server, server.AliceWrite, name, s => s.Status == "completed" && s.Completed == 5);
        Assert.Equal(5, done.Completed);
        var zero = await Assert.ThrowsAsync<RpcException>(async () => await _grpc.ExtendStudyAsync(new ExtendStudyRequest { StudyId = name, Trials = 0 }, key));
        Assert.Equal(StatusCode.InvalidArgument, zero.StatusCode);
    }

    [Fact]
    public async Task CancelStudyThenDeleteStudy_OverGrpc_CancelledThenGone()
    {
        var name = GatewayServer.Name("grpc-cancel");
        var key = GatewayServer.With(server.AliceWrite);
        await _grpc.CreateStudyAsync(new CreateStudyRequest { Spec = Specs.External(name, 5) }, key);

        var cancelled = await _grpc.CancelStudyAsync(new CancelStudyRequest { StudyId = name }, key);
        var extend = await Assert.ThrowsAsync<RpcException>(async () => await _grpc.ExtendStudyAsync(new ExtendStudyRequest { StudyId = name, Trials = 1 }, key));
        var deleted = await _grpc.DeleteStudyAsync(new DeleteStudyRequest { StudyId = name }, key);
        var gone = await Assert.ThrowsAsync<RpcException>(async () => await _grpc.GetStudyAsync(new GetStudyRequest { StudyId = name }, key));

        Assert.Equal("cancelled", cancelled.Status);
        Assert.Equal(StatusCode.FailedPrecondition, extend.StatusCode);
        Assert.Equal(name, deleted.StudyId);
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        using var http = server.Http(server.AliceWrite);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/v1/studies/{name}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ListTrials_LimitOverThePageLimit_Is400()
    {
        var name = GatewayServer.Name("paging");
        using var http = server.Http(server.AliceWrite);
        await http.PostAsync(new Uri("/v1/studies", UriKind.Relative), Specs.CreateBody(Specs.External(name, 3)));

        using var response = await http.GetAsync(new Uri($"/v1/studies/{name}/trials?limit=1001", UriKind.Relative));
        using var status = await http.GetAsync(new Uri($"/v1/studies/{name}/trials?status=nonsense", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
    }
}
