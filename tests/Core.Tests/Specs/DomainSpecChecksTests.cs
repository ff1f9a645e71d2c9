using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using static NasOrleans.Core.Tests.Specs.SpecSamples;

namespace NasOrleans.Core.Tests.Specs;

public class DomainSpecChecksTests
{
    /// <summary>A trainer that, like torch, names datasets: it accepts all but 'imagenet'.</summary>
    private static readonly TrainerCatalog DatasetCatalog = new(
    [
        SyntheticTrainer.Descriptor with
        {
            Kind = "dataset-test",
            CheckDataset = name => name == "imagenet" ? "unknown dataset 'imagenet'; use one of mnist, fashion-mnist" : null,
        },
    ]);

    [Fact]
    public void Check_DuplicateName_NamesTheLaterDomainAndTheEarlierOne()
    {
        var error = Assert.Single(Errors(Domains("{name: a, dataset: mnist}", "{name: b, dataset: mnist}", "{name: a, dataset: digits}")));

        Assert.Equal("domains[2].name", error.Field);
        Assert.Contains("also the name of domains[0]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MNIST", "'M', 'N', 'I', 'S', 'T'")]
    [InlineData("a.b", "'.'")]
    public void Check_NameWithCharactersNotAllowed_NamesTheCharactersAndTheRule(string name, string characters)
    {
        var error = Assert.Single(Errors(Domains($"{{name: '{name}', dataset: mnist}}")));

        Assert.Equal("domains[0].name", error.Field);
        Assert.Contains(characters, error.Message, StringComparison.Ordinal);
        Assert.Contains("use lowercase letters, digits, '_' and '-'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingNameAndDataset_NamesBothFields()
    {
        var errors = Errors(Domains("{name: a, dataset: mnist}", "{batch_size: 8}"));

        Assert.Equal(["domains[1].name", "domains[1].dataset"], errors.Select(e => e.Field));
        Assert.Contains("missing", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SeventeenDomains_SaysAtMostSixteen()
    {
        var error = Assert.Single(Errors(Domains([.. Enumerable.Range(0, 17).Select(i => $"{{name: d{i}, dataset: mnist}}")])));

        Assert.Equal("domains", error.Field);
        Assert.Contains("use at most 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SixteenDomains_IsValid()
    {
        var spec = StudySpecParser.ParseYaml(Domains([.. Enumerable.Range(0, 16).Select(i => $"{{name: d{i}, dataset: mnist}}")]), Catalog);

        Assert.Equal(16, spec.Domains!.Count);
    }

    [Fact]
    public void Check_EmptyList_SaysToListDomainsOrRemoveTheKey()
    {
        var error = Assert.Single(Errors(Yaml() + "domains: []\n"));

        Assert.Equal("domains", error.Field);
        Assert.Contains("remove domains:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SizesOutOfRange_NameEachField()
    {
        var errors = Errors(Domains("{name: a, dataset: mnist, batch_size: 0, validation_size: 1.5, max_train_samples: -1, weight: 0}"));

        Assert.Equal(["domains[0].batch_size", "domains[0].validation_size", "domains[0].max_train_samples", "domains[0].weight"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Check_DatasetTheTrainerRejects_NamesTheFieldWithTheTrainersProblem()
    {
        var yaml = Yaml(constraints: "", space: "space: {kind: mlp}", trainer: "trainer: {kind: dataset-test}")
            + "domains:\n  - {name: a, dataset: mnist}\n  - {name: b, dataset: imagenet}\n";

        var error = Assert.Single(Assert.Throws<SpecValidationException>(() => StudySpecParser.ParseYaml(yaml, DatasetCatalog)).Errors);

        Assert.Equal("domains[1].dataset", error.Field);
        Assert.Contains("unknown dataset 'imagenet'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AnyDatasetWithATrainerThatNamesNone_IsAccepted()
    {
        var spec = StudySpecParser.ParseYaml(Domains("{name: a, dataset: whatever:the-trainer-reads}"), Catalog);

        Assert.Equal("whatever:the-trainer-reads", Assert.Single(spec.Domains!).Dataset);
    }

    private static string Domains(params string[] items) => Yaml() + "domains:\n" + string.Concat(items.Select(i => $"  - {i}\n"));
}
