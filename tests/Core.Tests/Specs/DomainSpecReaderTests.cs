using NasOrleans.Core.Specs;
using static NasOrleans.Core.Tests.Specs.SpecSamples;

namespace NasOrleans.Core.Tests.Specs;

public class DomainSpecReaderTests
{
    private const string TwoDomains = """
        domains:
          - {name: mnist, dataset: mnist}
          - name: inverted_digits-8
            dataset: inverted:upsampled:digits
            batch_size: 64
            validation_size: 0.25
            max_train_samples: 50000
            weight: 2.5
        """;

    [Fact]
    public void Read_TwoDomains_ReadsEveryFieldAndTheDefaults()
    {
        var spec = StudySpecParser.ParseYaml(Yaml() + TwoDomains, Catalog);

        Assert.Equal(
            [
                new DomainSpec("mnist", "mnist", null, null, DomainSpec.DefaultMaxTrainSamples, 1),
                new DomainSpec("inverted_digits-8", "inverted:upsampled:digits", 64, 0.25, 50_000, 2.5),
            ],
            spec.Domains);
    }

    [Fact]
    public void Read_JsonDomains_EqualTheYamlOnes()
    {
        var json = Json.TrimEnd().TrimEnd('}') + """
            , "domains": [
                { "name": "mnist", "dataset": "mnist" },
                { "name": "inverted_digits-8", "dataset": "inverted:upsampled:digits", "batch_size": 64, "validation_size": 0.25, "max_train_samples": 50000, "weight": 2.5 }
              ] }
            """;

        var fromJson = StudySpecParser.ParseJson(json, Catalog);

        Assert.Equal(StudySpecParser.ParseYaml(Yaml() + TwoDomains, Catalog).Domains, fromJson.Domains);
    }

    [Fact]
    public void Read_NoDomainsKey_LeavesDomainsNull()
    {
        Assert.Null(StudySpecParser.ParseYaml(Yaml(), Catalog).Domains);
    }

    [Fact]
    public void Read_UnknownDomainKey_NamesTheFieldAndSuggestsTheKey()
    {
        var error = Assert.Single(Errors(Yaml() + "domains:\n  - {name: a, dataset: mnist, batchsize: 32}\n"));

        Assert.Equal("domains[0].batchsize", error.Field);
        Assert.Contains("batch_size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DomainsNotAList_SaysWhatIsExpected()
    {
        var error = Assert.Single(Errors(Yaml() + "domains: mnist\n"));

        Assert.Equal("domains", error.Field);
        Assert.Contains("expected a list of domains", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BatchSizeNotWhole_NamesTheField()
    {
        var error = Assert.Single(Errors(Yaml() + "domains:\n  - {name: a, dataset: mnist, batch_size: 1.5}\n"));

        Assert.Equal("domains[0].batch_size", error.Field);
    }
}
