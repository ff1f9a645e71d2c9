using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Training.Data;
using NasOrleans.Training.Tests.Data;
using NasOrleans.Training.Trainers;

namespace NasOrleans.Training.Tests.Trainers;

public sealed class TorchDomainDataCheckTests : IDisposable
{
    private const string Spec = """
        name: domains
        objective: {metric: validation_accuracy}
        space: {kind: mlp, parameters: {max_layers: 1, widths: '8,16'}}
        algorithm: {name: random}
        trainer: {kind: torch, parameters: {dataset: digits}}
        budget: {max_trials: 2}
        domains:
        """;

    private static readonly TrainerSpec Trainer = new(TorchTrainer.KindName, new Dictionary<string, string>());

    private readonly TempDirectory _temp = new();

    private DatasetLocations Locations => new(_temp.Path, _temp.Path, _temp.Path);

    [Fact]
    public void ParseYaml_TransformedImageDatasets_PassSpecValidation()
    {
        var spec = StudySpecParser.ParseYaml(Spec + "\n  - {name: a, dataset: 'inverted:upsampled:digits'}\n  - {name: b, dataset: 'rotated90:mnist'}\n", TorchTrainers.Catalog);

        Assert.Equal(["inverted:upsampled:digits", "rotated90:mnist"], spec.Domains!.Select(d => d.Dataset));
    }

    [Theory]
    [InlineData("inverted:iris", "applies to image datasets only")]
    [InlineData("emnist", "unknown dataset 'emnist'")]
    [InlineData("upsampled:fashon-mnist", "did you mean 'fashion-mnist'")]
    public void ParseYaml_DatasetTheTorchTrainerRejects_NamesTheDomainsDatasetField(string dataset, string expected)
    {
        var error = Assert.Single(Assert.Throws<SpecValidationException>(
            () => StudySpecParser.ParseYaml(Spec + $"\n  - {{name: a, dataset: '{dataset}'}}\n", TorchTrainers.Catalog)).Errors);

        Assert.Equal("domains[0].dataset", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Check_MissingMnist_NamesTheFileAndScriptsSetup()
    {
        var error = Assert.Single(TorchDomainDataCheck.Check([new DomainSpec("a", "inverted:mnist")], Trainer, Locations).Errors);

        Assert.Equal("domains[0].dataset", error.Field);
        Assert.Contains("train-images-idx3-ubyte", error.Message, StringComparison.Ordinal);
        Assert.Contains("run scripts/setup.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DomainValidationSizeLargerThanTheData_NamesTheDomainsValidationSize()
    {
        var domains = new[] { new DomainSpec("ok", Images()), new DomainSpec("big", "rotated90:" + Images(), ValidationSize: 500) };

        var error = Assert.Single(TorchDomainDataCheck.Check(domains, Trainer, Locations).Errors);

        Assert.Equal("domains[1].validation_size", error.Field);
        Assert.Contains("the training part holds 40", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SpecWithMnistDomain_PassesTheDataChecksWhereSetupRan()
    {
        // scripts/setup.sh (run by scripts/test.sh and CI) unpacks MNIST and the sklearn CSV files into the user's cache.
        var spec = StudySpecParser.ParseYaml(Spec + "\n  - {name: a, dataset: mnist}\n  - {name: b, dataset: 'inverted:upsampled:digits'}\n", TorchTrainers.Catalog);

        var result = StudyDataChecks.Check(spec, TorchTrainers.Catalog, new TrainerEnvironment(null, TimeProvider.System));

        Assert.Empty(result.Errors);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>An idx: name of 40 training and 8 test 4x4 images of 4 classes.</summary>
    private string Images()
    {
        var paths = new[] { "train-images", "train-labels", "test-images", "test-labels" }.Select(_temp.File).ToArray();
        IdxFiles.Write(paths[0], [40, 4, 4], new byte[640], gzip: false);
        IdxFiles.Write(paths[1], [40], [.. Enumerable.Range(0, 40).Select(i => (byte)(i % 4))], gzip: false);
        IdxFiles.Write(paths[2], [8, 4, 4], new byte[128], gzip: false);
        IdxFiles.Write(paths[3], [8], [0, 1, 2, 3, 0, 1, 2, 3], gzip: false);
        return $"idx:{paths[0]},{paths[1]};{paths[2]},{paths[3]}";
    }
}
