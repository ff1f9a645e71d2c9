using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Training.Data;
using NasOrleans.Training.Tests.Data;
using NasOrleans.Training.Trainers;

namespace NasOrleans.Training.Tests.Trainers;

public sealed class TorchDataCheckTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private DatasetLocations Locations => new(_temp.Path, _temp.Path);

    [Theory]
    [InlineData("csv:/nonexistent", "'/nonexistent' does not exist")]
    [InlineData("idx:/no/a,/no/b", "'/no/a' does not exist")]
    [InlineData("idx:/no/a", "does not read as idx:")]
    [InlineData("imagenet-22k", "unknown dataset 'imagenet-22k'")]
    public void Check_DatasetThatCannotBeRead_NamesTheDatasetField(string dataset, string expected)
    {
        var error = Assert.Single(Check(dataset).Errors);

        Assert.Equal("trainer.parameters.dataset", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GarbageCsv_NamesTheLine()
    {
        File.WriteAllText(_temp.File("garbage.csv"), "hello world\nthis,is,not\n");

        var error = Assert.Single(Check("csv:" + _temp.File("garbage.csv")).Errors);

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ValidationSizeLargerThanTheData_NamesValidationSize()
    {
        var error = Assert.Single(Check(Tabular(), ("validation_size", "5000")).Errors);

        Assert.Equal("trainer.parameters.validation_size", error.Field);
        Assert.Contains("the training part holds 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LargestArchitectureOverTheParameterLimit_NamesTheLimit()
    {
        var space = SpaceCatalog.Create(new SpaceSpec("mlp", new Dictionary<string, string> { ["max_layers"] = "8", ["widths"] = "8,4096" }, []));

        var result = TorchDataCheck.Check(Spec(Tabular()), space, Locations);

        Assert.Contains(result.Errors, e => e.Message.Contains("limit max_params", StringComparison.Ordinal));
        Assert.Equal("4096", result.LargestArchitecture!["width_8"]);
    }

    [Fact]
    public void Check_SmallTabularMlp_IsValidAndEstimatesTheLargestArchitecture()
    {
        var result = Check(Tabular());

        Assert.Empty(result.Errors);
        Assert.Equal((4 * 16) + 16 + (16 * 2) + 2, result.LargestCost!["params"]);
    }

    public void Dispose() => _temp.Dispose();

    private Core.Trainers.DataCheckResult Check(string dataset, params (string Name, string Value)[] more)
    {
        var space = SpaceCatalog.Create(new SpaceSpec("mlp", new Dictionary<string, string> { ["max_layers"] = "1", ["widths"] = "8,16" }, []));
        return TorchDataCheck.Check(Spec(dataset, more), space, Locations);
    }

    private static TrainerSpec Spec(string dataset, params (string Name, string Value)[] more) =>
        new(TorchTrainer.KindName, new Dictionary<string, string>([KeyValuePair.Create("dataset", dataset), .. more.Select(p => KeyValuePair.Create(p.Name, p.Value))]));

    /// <summary>A CSV of 40 rows, 4 features and 2 classes: 32 in the training part, of which 8 validate by default.</summary>
    private string Tabular()
    {
        var rows = Enumerable.Range(0, 40).Select(i => $"{i},{i % 3},{i % 5},{i % 7},{i % 2}");
        File.WriteAllLines(_temp.File("small.csv"), rows);
        return "csv:" + _temp.File("small.csv");
    }
}
