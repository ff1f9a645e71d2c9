using System.Net;
using System.Text.Json;
using Grpc.Core;
using NasOrleans.Gateway.Protos;

namespace NasOrleans.Gateway.Tests;

/// <summary>Ask/tell on external studies, end to end through the gateway (gRPC and HTTP/JSON) to the scheduler's leases.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TrialGatewayServiceTests(GatewayServer server)
{
    private readonly StudyService.StudyServiceClient _studies = new(server.Channel);
    private readonly TrialService.TrialServiceClient _trials = new(server.Channel);

    [Fact]
    public async Task SuggestTrials_WorkerTellsEveryResult_StudyCompletesAndSaysDone()
    {
        var name = await CreateExternalAsync(5);
        var key = GatewayServer.With(server.AliceWrite);
        var told = new HashSet<long>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!deadline.IsCancellationRequested)
        {
            var reply = await _trials.SuggestTrialsAsync(new SuggestTrialsRequest { StudyId = name, ClientId = "worker-1", Count = 2 }, key);
            if (reply.StudyDone)
            {
                break;
            }

            foreach (var trial in reply.Trials)
            {
                Assert.True(trial.Parameters.ContainsKey("C") && trial.Parameters.ContainsKey("gamma"));
                var c = double.Parse(trial.Parameters["C"], System.Globalization.CultureInfo.InvariantCulture);
                var complete = new CompleteTrialRequest { StudyId = name, TrialId = trial.TrialId, LeaseId = trial.LeaseId };
                complete.Metrics["accuracy"] = 1 / (1 + Math.Abs(Math.Log10(c)));
                var told1 = await _trials.CompleteTrialAsync(complete, key);
                Assert.True(told1.Accepted, told1.Reason);
                Assert.True(told.Add(trial.TrialId), $"trial {trial.TrialId} suggested again after it was told");
            }

            if (reply.Trials.Count == 0)
            {
                await Task.Delay(20, CancellationToken.None);
            }
        }

        var study = await StudyWaits.UntilAsync(server, server.AliceWrite, name, s => s.Status != "running");
        Assert.Equal("completed", study.Status);
        Assert.Equal(5, study.Completed);
        Assert.Equal(5, told.Count);
        Assert.True(study.HasBest);
        var after = await _trials.SuggestTrialsAsync(new SuggestTrialsRequest { StudyId = name, ClientId = "worker-1", Count = 1 }, key);
        Assert.True(after.StudyDone);
        Assert.Empty(after.Trials);
    }

    [Fact]
    public async Task SuggestTrials_SameClientAsksAgainOverHttp_GetsItsUnfinishedTrialsBack()
    {
        var name = await CreateExternalAsync(6);
        using var http = server.Http(server.AliceWrite);

        var first = await SuggestHttpAsync(http, name, "host-a:0", 2);
        var again = await SuggestHttpAsync(http, name, "host-a:0", 2);
        var other = await SuggestHttpAsync(http, name, "host-b:0", 2);

        Assert.Equal(2, first.Count);
        Assert.All(first, t => Assert.False(t.Redelivered));
        Assert.Equal(first.Select(t => (t.TrialId, t.LeaseId)), again.Select(t => (t.TrialId, t.LeaseId)));
        Assert.All(again, t => Assert.True(t.Redelivered));
        Assert.Empty(other.Select(t => t.TrialId).Intersect(first.Select(t => t.TrialId)));
    }

    [Fact]
    public async Task CompleteTrial_StaleLeaseOrSecondCompletion_IsRefusedAndRecordedOnce()
    {
        var name = await CreateExternalAsync(4);
        var key = GatewayServer.With(server.AliceWrite);
        var reply = await _trials.SuggestTrialsAsync(new SuggestTrialsRequest { StudyId = name, ClientId = "w", Count = 2 }, key);
        Assert.Equal(2, reply.Trials.Count);
        var (a, b) = (reply.Trials[0], reply.Trials[1]);

        var unknown = await _trials.CompleteTrialAsync(Complete(name, a.TrialId, Guid.NewGuid().ToString(), 0.1), key);
        var crossed = await _trials.CompleteTrialAsync(Complete(name, a.TrialId, b.LeaseId, 0.2), key);
        var good = await _trials.CompleteTrialAsync(Complete(name, a.TrialId, a.LeaseId, 0.9), key);
        var twice = await _trials.CompleteTrialAsync(Complete(name, a.TrialId, a.LeaseId, 0.5), key);
        var beat = await _trials.HeartbeatAsync(new HeartbeatRequest { StudyId = name, TrialId = b.TrialId, LeaseId = b.LeaseId }, key);
        var lost = await _trials.HeartbeatAsync(new HeartbeatRequest { StudyId = name, TrialId = a.TrialId, LeaseId = a.LeaseId }, key);

        Assert.False(unknown.Accepted);
        Assert.Contains("not the current lease", unknown.Reason, StringComparison.Ordinal);
        Assert.False(crossed.Accepted);
        Assert.True(good.Accepted, good.Reason);
        Assert.False(twice.Accepted);
        Assert.Equal("continue", beat.State);
        Assert.Equal("lease_lost", lost.State);
        var trials = await _studies.ListTrialsAsync(new ListTrialsRequest { StudyId = name, Status = "completed" }, key);
        var recorded = Assert.Single(trials.Trials);
        Assert.Equal(a.TrialId, recorded.TrialId);
        Assert.Equal(0.9, recorded.Metrics["accuracy"]);
    }

    [Fact]
    public async Task ReportIntermediate_CurrentLease_AnswersAndFailureIsRecorded()
    {
        var name = await CreateExternalAsync(2);
        var key = GatewayServer.With(server.AliceWrite);
        var trial = (await _trials.SuggestTrialsAsync(new SuggestTrialsRequest { StudyId = name, ClientId = "w", Count = 1 }, key)).Trials.Single();
        var report = new ReportIntermediateRequest { StudyId = name, TrialId = trial.TrialId, LeaseId = trial.LeaseId, Step = 1 };
        report.Metrics["accuracy"] = 0.3;

        var answer = await _trials.ReportIntermediateAsync(report, key);
        var failed = await _trials.CompleteTrialAsync(new CompleteTrialRequest { StudyId = name, TrialId = trial.TrialId, LeaseId = trial.LeaseId, Failure = "out of memory" }, key);
        var late = await Assert.ThrowsAsync<RpcException>(async () => await _trials.ReportIntermediateAsync(report, key));

        Assert.False(answer.ShouldStop);
        Assert.True(failed.Accepted, failed.Reason);
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        var recorded = (await _studies.ListTrialsAsync(new ListTrialsRequest { StudyId = name, Status = "failed" }, key)).Trials.Single();
        Assert.Equal("out of memory", recorded.Error);
    }

    [Theory]
    [InlineData(0, "w", "count")]
    [InlineData(65, "w", "count")]
    [InlineData(1, "no spaces", "client_id")]
    public async Task SuggestTrials_BadArguments_AreInvalidArgumentNamingTheField(int count, string clientId, string field)
    {
        var name = await CreateExternalAsync(2);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _trials.SuggestTrialsAsync(new SuggestTrialsRequest { StudyId = name, ClientId = clientId, Count = count }, GatewayServer.With(server.AliceWrite)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestTrials_StudyTrainedInTheCluster_IsFailedPrecondition()
    {
        var name = GatewayServer.Name("not-external");
        var key = GatewayServer.With(server.AliceWrite);
        await _studies.CreateStudyAsync(new CreateStudyRequest { Spec = Specs.Synthetic(name, 2) }, key);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _trials.SuggestTrialsAsync(new SuggestTrialsRequest { StudyId = name, ClientId = "w", Count = 1 }, key));
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await _trials.SuggestTrialsAsync(new SuggestTrialsRequest { StudyId = name + "-none", ClientId = "w", Count = 1 }, key));
        var badLease = await Assert.ThrowsAsync<RpcException>(async () => await _trials.HeartbeatAsync(new HeartbeatRequest { StudyId = name, TrialId = 1, LeaseId = "nope" }, key));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("kind: external", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, badLease.StatusCode);
    }

    private async Task<string> CreateExternalAsync(int trials)
    {
        var name = GatewayServer.Name("asktell");
        await _studies.CreateStudyAsync(new CreateStudyRequest { Spec = Specs.External(name, trials) }, GatewayServer.With(server.AliceWrite));
        return name;
    }

    private static CompleteTrialRequest Complete(string study, long trialId, string leaseId, double accuracy)
    {
        var request = new CompleteTrialRequest { StudyId = study, TrialId = trialId, LeaseId = leaseId };
        request.Metrics["accuracy"] = accuracy;
        return request;
    }

    private static async Task<List<(long TrialId, string LeaseId, bool Redelivered)>> SuggestHttpAsync(HttpClient http, string study, string client, int count)
    {
        using var response = await http.PostAsync(new Uri($"/v1/studies/{study}/trials:suggest", UriKind.Relative), Specs.Json(new { client_id = client, count }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("trials").EnumerateArray().Select(t => (
            t.GetProperty("trialId").GetInt64(),
            t.GetProperty("leaseId").GetString()!,
            t.GetProperty("redelivered").GetBoolean()))];
    }
}
