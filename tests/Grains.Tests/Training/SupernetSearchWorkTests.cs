using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Core.Specs;
using NasOrleans.Core.WeightSharing;
using NasOrleans.Storage;
using NasOrleans.Training.Export;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Tests.Training;

/// <summary>tunas and mpnas studies end to end on the test cluster: one job trial, run by a trainer slot as a supernet search.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SupernetSearchWorkTests(ClusterFixture fixture)
{
    private const string Space = """
        space:
          kind: mobile-cnn
          parameters: { stages: 2, max_depth: 1, blocks: fused_ibn, kernels: "3", expansions: "1,2", widths: "8,16" }
        """;

    [Fact]
    public async Task Tunas_OneDomain_RunsOneJobTrialWhoseControllerLearnsFromEveryStepAfterTheDelay()
    {
        var spec = StudySpecParser.ParseYaml($$"""
            name: tunas-tiny
            objective: { metric: validation_accuracy }
            {{Space}}
            algorithm: { name: tunas, seed: 3, parameters: { steps: 12, checkpoint_every: 4, sample_batch: 4, cost_target: 20000, final_steps: 0 } }
            trainer: { kind: torch, parameters: { dataset: fashion-mnist, batch_size: 16, validation_size: 200 } }
            budget: { max_trials: 1 }
            domains:
              - { name: fashion, dataset: fashion-mnist, max_train_samples: 256 }
            """, NasOrleans.Training.TorchTrainers.Catalog);

        var summary = await fixture.RunToEndAsync(spec, TimeSpan.FromMinutes(3));

        var trials = await fixture.Client.GetGrain<IStudyGrain>(spec.Name).GetTrialsAsync(new TrialQuery(0, 10));
        var job = Assert.Single(trials);
        Assert.True(summary.Status == StudyStatus.Completed, $"{summary.Status}: {summary.Message} {job.Error}");
        Assert.Equal(12, job.Metrics["steps"]);
        Assert.Equal(0, job.Metrics["resumed_from"]);
        Assert.Equal(3, job.Metrics["checkpoints_saved"]);
        Assert.InRange(job.Metrics["fashion.validation_accuracy"], 0, 100);
        // Steps 3..11 are rewarded (the first quarter is the RL delay): the controller observed each once.
        var controller = fixture.Client.GetGrain<IControllerGrain>(ControllerKey.Format(spec.Name, "fashion"));
        Assert.Equal(9, await controller.GetObservedCountAsync());
        var policy = await controller.GetPolicyAsync();
        Assert.Equal("tunas", policy.Algorithm);
        Assert.Equal(9, policy.Updates);
        Assert.NotEmpty(policy.Decisions);
        Assert.All(policy.Decisions, d => Assert.Equal(1.0, d.Probabilities.Sum(), 9));
        Assert.DoesNotContain("unique_params", job.Metrics.Keys);
    }

    [Fact]
    public async Task Mpnas_TwoDomains_EachDomainsControllerLearnsOnItsOwn()
    {
        var spec = StudySpecParser.ParseYaml($$"""
            name: mpnas-tiny
            objective: { metric: validation_accuracy }
            {{Space}}
            algorithm: { name: mpnas, seed: 4, parameters: { steps: 8, checkpoint_every: 4, sample_batch: 4, cost_target: 20000, final_steps: 8 } }
            trainer: { kind: torch, parameters: { dataset: fashion-mnist, batch_size: 16, validation_size: 200 } }
            budget: { max_trials: 1 }
            domains:
              - { name: plain, dataset: fashion-mnist, max_train_samples: 256 }
              - { name: inverted, dataset: "inverted:fashion-mnist", max_train_samples: 256 }
            """, NasOrleans.Training.TorchTrainers.Catalog);

        var summary = await fixture.RunToEndAsync(spec, TimeSpan.FromMinutes(3));

        var job = Assert.Single(await fixture.Client.GetGrain<IStudyGrain>(spec.Name).GetTrialsAsync(new TrialQuery(0, 10)));
        Assert.True(summary.Status == StudyStatus.Completed, $"{summary.Status}: {summary.Message} {job.Error}");
        Assert.Contains("plain.validation_accuracy", job.Metrics.Keys);
        Assert.Contains("inverted.validation_accuracy", job.Metrics.Keys);
        foreach (var domain in new[] { "plain", "inverted" })
        {
            var controller = fixture.Client.GetGrain<IControllerGrain>(ControllerKey.Format(spec.Name, domain));
            Assert.Equal(6, await controller.GetObservedCountAsync());
            Assert.InRange(job.Metrics[$"{domain}.test_accuracy"], 0, 100);
            Assert.True(job.Metrics[$"{domain}.path_flops"] > 0);
        }

        // The final multi-path model: its domains' argmax paths, trained 8 steps from scratch, packaged on the trainer.
        Assert.Equal(8, job.Metrics["final_steps_run"]);
        Assert.True(job.Metrics["unique_params"] <= job.Metrics["bundle_params"] + (2 * 2 * 128), "a node shared by both domains is counted once");
        var package = await FinalModelAsync(spec.Name);
        var file = Path.Combine(Path.GetTempPath(), $"{spec.Name}-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(file, package);
        try
        {
            using var model = ExportedModel.Load(file, "cpu");
            Assert.Equal(["plain", "inverted"], model.Domains);
            Assert.Equal(job.Metrics["unique_params"], model.Parameters);
            var raw = new List<float[]> { new float[28 * 28], Enumerable.Repeat(255f, 28 * 28).ToArray() };
            Assert.All(model.Predict(raw, "inverted"), c => Assert.InRange(c, 0, 9));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The final model's package from the artifact store of whichever silo holds it (the test cluster's stores are in memory, one per silo).</summary>
    private async Task<byte[]> FinalModelAsync(string study)
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            var store = silo.ServiceProvider.GetRequiredService<IArtifactStore>();
            if (await store.GetLatestArtifactAsync(study, SupernetSearchOptions.FinalModelArtifact) is { } stored)
            {
                return stored.Content.ToArray();
            }
        }

        throw new Xunit.Sdk.XunitException($"No silo holds the final model of {study}.");
    }

    [Fact]
    public void Validate_MpnasWithOneDomain_NamesDomainsAndTheFix()
    {
        var error = Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml($$"""
            name: mpnas-one
            objective: { metric: validation_accuracy }
            {{Space}}
            algorithm: { name: mpnas }
            trainer: { kind: torch, parameters: { dataset: fashion-mnist } }
            budget: { max_trials: 1 }
            domains:
              - { name: only, dataset: fashion-mnist }
            """, NasOrleans.Training.TorchTrainers.Catalog));

        Assert.Contains(error.Errors, e => e.Field == "domains" && e.Message.Contains("use algorithm tunas", StringComparison.Ordinal));
    }
}
