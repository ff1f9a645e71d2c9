using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;
using NasOrleans.Training.Supernets;
using Xunit.Abstractions;
using static NasOrleans.Training.Tests.Models.ArchitectureSamples;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Supernets;

public class SupernetTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    /// <summary>Hand-picked paths (skipped stages, a reducing stage 2, odd widths, residuals, every block type) and seeded random ones.</summary>
    private static List<Architecture> Paths()
    {
        var paths = new List<Architecture>
        {
            MobileOf(Space, "0", "0"),
            MobileOf(Space, "0", "2 group_ibn 3 3 16"),
            MobileOf(Space, "2 group_ibn 5 1 9", "1 fused_ibn 3 3 16"),
            MobileOf(Space, "1 dw_ibn 3 1 16", "2 fused_ibn 5 1 9"),
            MobileOf(Space, "2 dw_ibn 5 3 16", "2 group_ibn 3 3 16"),
        };
        var random = new DeterministicRandom(2026);
        paths.AddRange(Enumerable.Range(0, 6).Select(_ => Space.Sample(random)));
        return paths;
    }

    [Fact]
    public void ExtractStandalone_Paths_OutputsEqualSupernetInEvalMode()
    {
        using var supernet = Create(1);
        var paths = Paths();
        Perturb(supernet, paths);
        using var scope = NewDisposeScope();
        using var x = Batch(7);
        var worst = 0.0;
        foreach (var path in paths)
        {
            for (var domain = 0; domain < supernet.Domains; domain++)
            {
                using var model = supernet.ExtractStandalone(path, domain);
                model.eval();
                using var _ = no_grad();
                var difference = MaxAbsDifference(supernet.forward(x, path, domain), model.call(x));
                output.WriteLine($"{Space.Display(path)} domain {domain}: max |supernet - stand-alone| = {difference:E3}");
                Assert.True(difference <= Tolerance, $"{Space.Display(path)}, domain {domain}: {difference}");
                worst = Math.Max(worst, difference);
            }
        }

        output.WriteLine($"worst: {worst:E3}");
    }

    [Fact]
    public void ExtractStandalone_TrainingModePass_SameOutputsAndSameRunningStatistics()
    {
        using var supernet = Create(8);
        var paths = Paths();
        Perturb(supernet, paths);
        supernet.train();
        using var scope = NewDisposeScope();
        using var x = Batch(12);
        var worst = 0.0;
        foreach (var path in paths.Skip(1).Take(4))
        {
            using var model = supernet.ExtractStandalone(path, 1);
            using (no_grad())
            {
                worst = Math.Max(worst, MaxAbsDifference(supernet.forward(x, path, 1), model.call(x)));
            }

            // The supernet's batch norms update the leading slices of their running statistics in place.
            using var updated = supernet.ExtractStandalone(path, 1);
            var expected = model.state_dict();
            foreach (var (name, value) in updated.state_dict().Where(e => e.Key.Contains("running", StringComparison.Ordinal) || e.Key.Contains("batches", StringComparison.Ordinal)))
            {
                var difference = MaxAbsDifference(expected[name], value);
                Assert.True(difference <= Tolerance, $"{Space.Display(path)}: {name} differs by {difference}");
            }
        }

        output.WriteLine($"training mode, worst max |supernet - stand-alone| = {worst:E3}");
        Assert.True(worst <= Tolerance, $"{worst}");
    }

    [Fact]
    public void PathCost_Paths_EqualsModelCostAndStandaloneParameterCount()
    {
        using var supernet = Create(2);
        foreach (var path in Paths())
        {
            for (var domain = 0; domain < supernet.Domains; domain++)
            {
                var expected = ModelCost.Compute(Space, path, Input, Classes[domain]);
                using var model = supernet.ExtractStandalone(path, domain);

                Assert.Equal(expected, supernet.PathCost(path, domain));
                Assert.Equal(expected.Params, ParameterCount(model));
            }
        }
    }

    [Fact]
    public void Step_DomainZeroThroughSharedPath_ChangesSharedConvolutionsOnly()
    {
        using var supernet = Create(3);
        var path = MobileOf(Space, "2 dw_ibn 3 3 16", "1 group_ibn 5 3 16");
        Perturb(supernet, [path]);
        using var otherBefore = supernet.ExtractStandalone(path, 1);
        using var ownBefore = supernet.ExtractStandalone(path, 0);

        supernet.train();
        using var optimizer = optim.SGD(supernet.parameters(), 0.1);
        using (NewDisposeScope())
        {
            optimizer.zero_grad();
            using var labels = tensor(new long[] { 0, 1, 2, 3 });
            nn.functional.cross_entropy(supernet.forward(Batch(8), path, 0), labels).backward();
            optimizer.step();
        }

        using var otherAfter = supernet.ExtractStandalone(path, 1);
        using var ownAfter = supernet.ExtractStandalone(path, 0);
        var before = otherBefore.state_dict();
        var after = otherAfter.state_dict();
        var own = (Before: ownBefore.state_dict(), After: ownAfter.state_dict());
        using var comparisons = NewDisposeScope();
        foreach (var (name, value) in after)
        {
            var changed = MaxAbsDifference(before[name], value) > 0;
            if (value.dim() == 4)
            {
                Assert.True(changed, $"Domain 1's copy of the shared convolution {name} did not change.");
            }
            else
            {
                Assert.False(changed, $"Domain 1's {name} (batch norm or head) changed with a step of domain 0.");
            }

            // A batch-norm shift whose output reaches the loss only through convolutions followed by batch norms in
            // training mode has no gradient (those remove any per-channel constant), so shifts may stay as they were.
            var shift = name.EndsWith(".bias", StringComparison.Ordinal) && !name.StartsWith("classifier", StringComparison.Ordinal);
            Assert.True(shift || MaxAbsDifference(own.Before[name], own.After[name]) > 0, $"Domain 0's {name} did not change with its own step.");
        }
    }

    [Fact]
    public void Forward_OpWarmupProbabilityOne_AveragesEveryOpAndBackpropagatesToAll()
    {
        using var supernet = Create(4);
        var path = MobileOf(Space, "1 fused_ibn 3 3 9", "2 dw_ibn 5 1 16");
        supernet.train();
        using var scope = NewDisposeScope();

        var logits = supernet.forward(Batch(9), path, 1, 1.0, new DeterministicRandom(5));
        logits.sum().backward();

        Assert.Equal(new long[] { 4, Classes[1] }, logits.shape);
        var withGradient = supernet.parameters().Count(p => p.grad is { } g && g.abs().sum().item<float>() > 0);
        supernet.zero_grad();
        supernet.forward(Batch(9), path, 1).sum().backward();
        var pathOnly = supernet.parameters().Count(p => p.grad is { } g && g.abs().sum().item<float>() > 0);
        output.WriteLine($"parameters with a gradient: warmup {withGradient}, path alone {pathOnly}");
        Assert.True(withGradient > pathOnly * 4, $"warmup {withGradient}, path {pathOnly}");
    }

    [Fact]
    public void Forward_OpWarmupProbabilityZero_EqualsPathForward()
    {
        using var supernet = Create(5);
        var path = MobileOf(Space, "2 group_ibn 3 3 16", "1 fused_ibn 5 1 9");
        supernet.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = Batch(10);

        Assert.Equal(0.0, MaxAbsDifference(supernet.forward(x, path, 0), supernet.forward(x, path, 0, 0.0, new DeterministicRandom(1))));
        Assert.NotEqual(0.0, MaxAbsDifference(supernet.forward(x, path, 0), supernet.forward(x, path, 0, 1.0, new DeterministicRandom(1))));
    }

    [Fact]
    public void LoadWeights_FreshSupernetOfAnotherSeed_GivesEqualOutputs()
    {
        using var trained = Create(6);
        var paths = Paths();
        Perturb(trained, paths);
        var checkpoint = trained.SaveWeights();
        using var fresh = Create(7);
        fresh.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = Batch(11);
        Assert.NotEqual(0.0, MaxAbsDifference(trained.forward(x, paths[2], 0), fresh.forward(x, paths[2], 0)));

        fresh.LoadWeights(checkpoint);

        foreach (var path in paths)
        {
            for (var domain = 0; domain < trained.Domains; domain++)
            {
                Assert.Equal(0.0, MaxAbsDifference(trained.forward(x, path, domain), fresh.forward(x, path, domain)));
            }
        }
    }

    [Fact]
    public void Constructor_SpaceOfAnotherKind_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Supernet(Mlp(), Input, [10]));
        Assert.Contains("mobile-cnn", ex.Message, StringComparison.Ordinal);
    }
}
