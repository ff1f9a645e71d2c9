using System.Collections.Concurrent;
using System.Diagnostics;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Telemetry;
using NasOrleans.Hosting;

namespace NasOrleans.Grains.Tests.Telemetry;

[Collection(ClusterCollection.Name)]
public class NasTelemetryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task StartSubmit_StudyRunsToItsFirstCompletedTrial_SubmitGrainCallsAndTrialShareOneTrace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is NasTelemetry.Name or NasTelemetryExtensions.OrleansApplicationSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var spec = new StudySpecBuilder("traced")
            .Maximize("validation_accuracy")
            .AddInteger("x", 0, 999)
            .WithAlgorithm("random", seed: 5)
            .WithTrainer("synthetic", ("duration_ms", "0"))
            .WithBudget(4, parallel: 2)
            .Build();

        ActivityTraceId traceId;
        using (var submit = NasTelemetry.StartSubmit(spec.Name))
        {
            Assert.NotNull(submit);
            traceId = submit.TraceId;
            var submitted = await fixture.Client.GetGrain<IStudyGrain>(spec.Name).SubmitAsync(StudySpecJson.Serialize(spec));
            Assert.True(submitted.Accepted, string.Join("; ", submitted.Errors));
        }

        bool IsCompletedTrial(Activity a, string name) =>
            a.OperationName == name && Equals(a.GetTagItem(NasTelemetry.StudyTag), spec.Name) && Equals(a.GetTagItem(NasTelemetry.TrialStatusTag), "Completed");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!stopped.Any(a => IsCompletedTrial(a, NasTelemetry.TrialRecordActivity)))
        {
            await Task.Delay(20, deadline.Token);
        }

        var trained = stopped.First(a => IsCompletedTrial(a, NasTelemetry.TrialTrainActivity));
        var recorded = stopped.First(a => IsCompletedTrial(a, NasTelemetry.TrialRecordActivity));
        var submitSpan = Assert.Single(stopped, a => a.OperationName == NasTelemetry.SubmitActivity && Equals(a.GetTagItem(NasTelemetry.StudyTag), spec.Name));
        Assert.Equal(traceId, submitSpan.TraceId);
        Assert.Contains(stopped, a => a.Source.Name == NasTelemetryExtensions.OrleansApplicationSource && a.TraceId == traceId);
        Assert.Equal(traceId, trained.TraceId);
        Assert.Equal(traceId, recorded.TraceId);
    }
}
