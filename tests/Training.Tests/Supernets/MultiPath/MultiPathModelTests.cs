using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;
using NasOrleans.Training.Supernets.MultiPath;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static NasOrleans.Training.Tests.Models.ArchitectureSamples;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Supernets.MultiPath;

public class MultiPathModelTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;
    private const int StemChannels = 16;
    private const int HeadChannels = 128;

    private static readonly Architecture SharedStem = MobileOf(Space, "2 dw_ibn 3 3 16", "1 fused_ibn 5 1 9");
    private static readonly Architecture SameFirstStage = MobileOf(Space, "2 dw_ibn 3 3 16", "2 group_ibn 3 3 16");
    private static readonly Architecture Narrow = MobileOf(Space, "1 dw_ibn 3 3 9", "0");

    [Fact]
    public void ExtractStandalone_EachDomain_OutputsEqualModelInEvalMode()
    {
        using var model = Create(3, SharedStem, SameFirstStage, Narrow);
        Perturb(model);
        using var scope = NewDisposeScope();
        using var x = Batch(9);
        for (var domain = 0; domain < model.Domains; domain++)
        {
            using var standalone = model.ExtractStandalone(domain);
            standalone.eval();
            using var _ = no_grad();
            var difference = MaxAbsDifference(model.forward(x, domain), standalone.call(x));
            output.WriteLine($"domain {domain}: max |multi-path - stand-alone| = {difference:E3}");
            Assert.True(difference <= Tolerance, $"domain {domain}: {difference}");
        }
    }

    [Fact]
    public void PathCost_EachDomain_EqualsTheStandaloneNetworksCost()
    {
        Architecture[] paths = [SharedStem, SameFirstStage, Narrow];
        using var model = Create(4, paths);
        for (var domain = 0; domain < paths.Length; domain++)
        {
            var expected = ModelCost.Compute(Space, paths[domain], Input, Classes3[domain]);
            using var standalone = model.ExtractStandalone(domain);
            Assert.Equal(expected, model.PathCost(domain));
            Assert.Equal(expected.Params, standalone.parameters().Sum(p => p.numel()));
        }
    }

    [Fact]
    public void UniqueParameters_OnePathForEveryDomain_SharesEveryConvolutionOnce()
    {
        using var model = Create(5, SharedStem, SharedStem, SharedStem);
        var (params1, _) = ModelCost.Compute(Space, SharedStem, Input, Classes3[0]);
        using var standalone = ModelBuilder.Build(Space, SharedStem, Input, Classes3[0]);
        var convolutions = ConvolutionParameters(standalone);
        var perDomain = params1 - convolutions - (Classes3[0] * (HeadChannels + 1));
        var expected = convolutions + (3 * perDomain) + Classes3.Sum(c => c * (HeadChannels + 1));

        Assert.Equal(expected, model.UniqueParameters);
        Assert.All(model.Nodes, n => Assert.Equal([0, 1, 2], n.Domains));
    }

    [Fact]
    public void UniqueParameters_PathsWithNoCommonNode_ShareOnlyTheStemAndHeadConvolutions()
    {
        var a = MobileOf(Space, "1 dw_ibn 3 3 16", "1 fused_ibn 3 1 16");
        var b = MobileOf(Space, "1 dw_ibn 5 3 16", "1 fused_ibn 5 1 16");
        using var model = Create(6, a, b);
        var (pa, _) = ModelCost.Compute(Space, a, Input, Classes[0]);
        var (pb, _) = ModelCost.Compute(Space, b, Input, Classes[1]);
        var stem = (long)Input.Channels * StemChannels * 9;
        var head = 16L * HeadChannels;

        Assert.Equal(pa + pb - stem - head, model.UniqueParameters);
        Assert.All(model.Nodes, n => Assert.Single(n.Domains));
    }

    [Fact]
    public void Nodes_PathsSharingTheirFirstStage_ListEachSharedNodeWithItsDomains()
    {
        using var model = Create(7, SharedStem, SameFirstStage);
        var shared = model.Nodes.Where(n => n.Domains.Count == 2).Select(n => n.Node).ToList();

        Assert.Equal(["s1b0_dw_ibn_k3_e3", "s1b1_dw_ibn_k3_e3"], shared);
        Assert.Equal(5, model.Nodes.Count);
    }

    [Fact]
    public void Constructor_PathsAndDomainsDiffer_ThrowsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => new MultiPathModel(Space, Input, Classes, [SharedStem]));
        Assert.Contains("1 paths for 2 domains", error.Message, StringComparison.Ordinal);
    }

    private static readonly int[] Classes3 = [4, 3, 5];

    private static MultiPathModel Create(long seed, params Architecture[] paths)
    {
        manual_seed(seed);
        return new MultiPathModel(Space, Input, paths.Length == 3 ? Classes3 : Classes, paths);
    }

    private static long ConvolutionParameters(TorchSharp.torch.nn.Module<Tensor, Tensor> model) =>
        model.modules().OfType<Conv2d>().Sum(c => c.weight!.numel());

    private static void Perturb(MultiPathModel model)
    {
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            foreach (var parameter in model.parameters().Where(p => p.dim() == 1))
            {
                parameter.uniform_(0.5, 1.5);
            }
        }

        model.train();
        using (no_grad())
        {
            for (var domain = 0; domain < model.Domains; domain++)
            {
                model.forward(Batch(100 + domain, batch: 8).mul(2).add(0.5), domain);
            }
        }

        model.eval();
    }
}
