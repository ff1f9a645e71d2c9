using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Training.Export;
using NasOrleans.Training.Supernets.MultiPath;
using static NasOrleans.Training.Tests.Models.ArchitectureSamples;
using static NasOrleans.Training.Tests.Supernets.SupernetSamples;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Export;

public sealed class MultiPathPackageTests : IDisposable
{
    private static readonly Architecture A = MobileOf(Space, "1 fused_ibn 3 1 16", "0");
    private static readonly Architecture B = MobileOf(Space, "1 fused_ibn 3 1 16", "1 fused_ibn 5 1 9");
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"multipath-{Guid.NewGuid():N}.zip");

    [Fact]
    public void Load_ExportedMultiPathModel_HoldsTheUnionOfItsNodesAndPredictsPerDomain()
    {
        using var model = Export();
        using var loaded = ExportedModel.Load(_path, "cpu");

        // By hand: s1b0 fused k3 16->16 (shared) 2304, s2b0 fused k5 16->9 (B) 3600, stem 3x16x3x3 432, head 16x128 2048
        // (B uses its 9-channel slice); batch norms per domain 2 x (16+16+128) and 2 x (16+16+9+128); heads 4x129 and 3x129.
        Assert.Equal(2304 + 3600 + 432 + 2048 + 320 + 338 + 516 + 387, loaded.Parameters);
        Assert.Equal(model.UniqueParameters, loaded.Parameters);
        Assert.Equal(["left", "right"], loaded.Domains);

        var raw = Enumerable.Range(0, 5).Select(i => Enumerable.Range(0, 3 * 12 * 12).Select(k => (float)((i * 37 + k * 11) % 256)).ToArray()).ToList();
        for (var d = 0; d < 2; d++)
        {
            Assert.Equal(Expected(model, raw, d == 0 ? 0.5f : 2f, d), loaded.Predict(raw, d == 0 ? "left" : "right"));
        }
    }

    [Fact]
    public void Predict_MultiPathModelWithoutOrWithUnknownDomain_ThrowsNamingTheDomains()
    {
        using var model = Export();
        using var loaded = ExportedModel.Load(_path, "cpu");
        var raw = new List<float[]> { new float[3 * 12 * 12] };

        Assert.Contains("name one of left, right", Assert.Throws<ArgumentException>(() => loaded.Predict(raw)).Message, StringComparison.Ordinal);
        Assert.Contains("no domain 'up'; its domains are left, right", Assert.Throws<ArgumentException>(() => loaded.Predict(raw, "up")).Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);

    private MultiPathModel Export()
    {
        manual_seed(3);
        var model = new MultiPathModel(Space, Input, Classes, [A, B]);
        model.eval();
        var spec = StudySpecJson();
        DomainDescription[] domains =
        [
            new() { Name = "left", ArchitectureKey = "", InputScale = 1f / 255, Mean = [0.5f], Std = [0.5f] },
            new() { Name = "right", ArchitectureKey = "", InputScale = 1f / 255, Mean = [0f], Std = [2f] },
        ];
        File.WriteAllBytes(_path, MultiPathPackage.Create(model, Space, spec, "s", domains, new Dictionary<string, double>()));
        return model;
    }

    private static int[] Expected(MultiPathModel model, List<float[]> raw, float std, int domain)
    {
        var mean = domain == 0 ? 0.5f : 0f;
        var data = raw.SelectMany(r => r.Select(v => ((v / 255f) - mean) / std)).ToArray();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = tensor(data, [raw.Count, 3, 12, 12]);
        return [.. model.forward(x, domain).argmax(1).data<long>().Select(v => (int)v)];
    }

    private static string StudySpecJson() =>
        Core.Specs.StudySpecJson.Serialize(StudySpecParser.ParseYaml(
            "name: t\nobjective: { metric: validation_accuracy }\nspace:\n  kind: mobile-cnn\n  parameters: { stages: 2, max_depth: 2, kernels: \"3,5\", expansions: \"1,3\", widths: \"9,16\" }\nalgorithm: { name: random }\ntrainer: { kind: torch }\nbudget: { max_trials: 1 }\n",
            TorchSharpTrainerCatalog()));

    private static Core.Trainers.TrainerCatalog TorchSharpTrainerCatalog() => NasOrleans.Training.TorchTrainers.Catalog;
}
