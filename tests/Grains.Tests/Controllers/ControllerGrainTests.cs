using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using Orleans.Core.Internal;

namespace NasOrleans.Grains.Tests.Controllers;

[Collection(ClusterCollection.Name)]
public class ControllerGrainTests(ClusterFixture fixture)
{
    private static StudySpec Nb201(string name, string algorithm, int trials, Action<StudySpecBuilder>? more = null)
    {
        var builder = new StudySpecBuilder(name)
            .Maximize("validation_accuracy")
            .WithSpace("nb201")
            .WithAlgorithm(algorithm, seed: 5)
            .WithTrainer("nb201-replay")
            .WithBudget(trials, parallel: 4);
        more?.Invoke(builder);
        return builder.Build();
    }

    private IControllerGrain Controller(string study) => fixture.Client.GetGrain<IControllerGrain>(ControllerKey.Format(study));

    private Task<StudySummary> RunToEndAsync(StudySpec spec) => fixture.RunToEndAsync(spec, TimeSpan.FromSeconds(90));

    [Theory]
    [InlineData("reinforce", "factorized")]
    [InlineData("ppo", "factorized")]
    [InlineData("reinforce", "lstm")]
    public async Task SubmitAsync_PolicyGradientStudy_ControllerLearnsFromEveryScoredTrial(string algorithm, string controller)
    {
        var summary = await RunToEndAsync(Nb201($"controller-{algorithm}-{controller}", algorithm, 40, b => b.WithAlgorithm(algorithm, 5, ("controller", controller))));

        var policy = await Controller(summary.StudyId).GetPolicyAsync();

        Assert.Equal(StudyStatus.Completed, summary.Status);
        Assert.Equal(algorithm, policy.Algorithm);
        Assert.Equal(summary.Completed + summary.Failed + summary.Cached, policy.Observed);
        Assert.Equal(summary.Observed, policy.Observed);
        if (algorithm == "reinforce")
        {
            Assert.Equal(summary.Completed + summary.Cached, policy.Updates);
        }
        else
        {
            Assert.InRange(policy.Updates, 1, summary.Completed + summary.Cached);
        }

        Assert.Equal(6, policy.Decisions.Count);
        Assert.All(policy.Decisions, d => Assert.Equal(1.0, d.Probabilities.Sum(), 9));
        Assert.Contains(policy.Logits, l => l != 0);
        Assert.InRange(policy.Baseline, 50, 100);
    }

    [Theory]
    [InlineData("tabnas", "latency_ms", 10.0)]
    [InlineData("layernas", "flops", 60.0)]
    public async Task SubmitAsync_ConstrainedStrategy_TrainsOnlyFeasibleArchitectures(string algorithm, string metric, double max)
    {
        var spec = Nb201($"constrained-{algorithm}", algorithm, 30, b => b.AddConstraint(metric, max: max));

        var summary = await RunToEndAsync(spec);
        var trials = await fixture.Client.GetGrain<IStudyGrain>(spec.Name).GetTrialsAsync(new TrialQuery(0, 1000));

        Assert.Equal(StudyStatus.Completed, summary.Status);
        var trained = trials.Where(t => t.SourceTrialId is null).ToList();
        Assert.Equal(30, trained.Count);
        Assert.All(trained, t => Assert.True(t.Metrics[metric] <= max, $"trial {t.TrialId} {t.Display}: {metric} {t.Metrics[metric]} > {max}"));
    }

    [Fact]
    public async Task ControllerGrain_DeactivatedAndReactivated_ContinuesFromThePersistedPolicy()
    {
        var spec = StudySpecJson.Serialize(new StudySpecBuilder("twin")
            .Maximize("validation_accuracy")
            .AddCategorical("a", ["0", "1", "2", "3"])
            .AddCategorical("b", ["0", "1", "2", "3"])
            .AddFloat("lr", 1e-4, 1e-1, log: true)
            .WithAlgorithm("ppo", 7)
            .WithTrainer("synthetic")
            .WithBudget(100, 4)
            .Build());
        var restarted = Controller("twin-restarted");
        var reference = Controller("twin-reference");
        long next = 1;
        foreach (var controller in new[] { restarted, reference })
        {
            await controller.InitializeAsync(spec);
        }

        async Task RoundAsync(IControllerGrain controller, long first)
        {
            var proposals = await controller.ProposeAsync(first, 4);
            // Observed in reverse order, one of them failed: stale samples and failures go through the same path.
            await controller.ObserveAsync([.. proposals.Reverse().Select(p => new Observation(p.TrialId, p.ArchitectureKey, p.TrialId % 5 == 0 ? null : Score(p.ArchitectureKey)))]);
        }

        for (var round = 0; round < 6; round++, next += 4)
        {
            await RoundAsync(restarted, next);
            await RoundAsync(reference, next);
        }

        var before = await restarted.GetPolicyAsync();
        await restarted.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await WaitUntilInactiveAsync(restarted);
        var after = await restarted.GetPolicyAsync();

        Assert.Equal(before.Logits, after.Logits);
        Assert.Equal(before.Updates, after.Updates);
        Assert.Equal(before.Baseline, after.Baseline);
        Assert.Equal(24, after.Observed);
        Assert.Equal((await reference.GetPolicyAsync()).Logits, after.Logits);
        for (var round = 0; round < 3; round++, next += 4)
        {
            Assert.Equal(await reference.ProposeAsync(next, 4), await restarted.ProposeAsync(next, 4));
            await RoundAsync(restarted, next);
            await RoundAsync(reference, next);
        }

        Assert.Equal((await reference.GetPolicyAsync()).Logits, (await restarted.GetPolicyAsync()).Logits);
    }

    [Fact]
    public async Task GetPolicyAsync_PopulationAlgorithmInAController_SaysItLearnsNoPolicy()
    {
        var controller = Controller("not-a-controller");
        await controller.InitializeAsync(StudySpecJson.Serialize(new StudySpecBuilder("not-a-controller")
            .Maximize("validation_accuracy").AddCategorical("a", ["0", "1"]).WithAlgorithm("random").WithTrainer("synthetic").WithBudget(2).Build()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => controller.GetPolicyAsync());

        Assert.Contains("does not learn a policy", error.Message, StringComparison.Ordinal);
    }

    private static double Score(string architectureKey)
    {
        var a = Architecture.FromKey(architectureKey);
        return 60 + (5 * a[0]) - (2 * a[1]) + (100 * a[2]);
    }

    private async Task WaitUntilInactiveAsync(IControllerGrain controller)
    {
        var id = controller.GetGrainId();
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await management.GetActiveGrains(id.Type)).Contains(id))
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
