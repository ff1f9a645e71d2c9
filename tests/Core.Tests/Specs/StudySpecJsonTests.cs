using NasOrleans.Core.Specs;
using static NasOrleans.Core.Tests.Specs.SpecSamples;

namespace NasOrleans.Core.Tests.Specs;

public class StudySpecJsonTests
{
    private const string CustomYaml = """
        name: custom-study
        objective: {metric: loss, goal: minimize}
        space:
          decisions:
            - {name: layers, type: integer, min: 1, max: 3}
            - {name: width, type: categorical, values: [8, 16], when: {layers: [2, 3]}}
            - {name: lr, type: float, min: 0.0001, max: 0.1, log: true}
        algorithm: {name: random, seed: 18446744073709551615}
        trainer: {kind: synthetic, parameters: {salt: x, epochs: 2}}
        budget: {max_trials: 50, max_failed_trials: 0}
        """;

    [Fact]
    public void Serialize_YamlAndJsonOfTheSameSpec_AreEqual()
    {
        var fromYaml = StudySpecParser.ParseYaml(Yaml(), Catalog);
        var fromJson = StudySpecParser.ParseJson(Json, Catalog);

        Assert.Equal(StudySpecJson.Serialize(fromYaml), StudySpecJson.Serialize(fromJson));
    }

    [Fact]
    public void Serialize_Spec_WritesSnakeCaseKeysInOrderWithDefaults()
    {
        var spec = StudySpecParser.ParseYaml(Yaml(), Catalog);

        var json = StudySpecJson.Serialize(spec);

        Assert.Equal(
            "{\"name\":\"test-study\",\"objective\":{\"metric\":\"validation_accuracy\",\"goal\":\"maximize\"},\"constraints\":[{\"metric\":\"params\",\"max\":1.5}],"
            + "\"space\":{\"kind\":\"nb201\",\"parameters\":{},\"decisions\":[]},\"algorithm\":{\"name\":\"evolution\",\"seed\":42,\"parameters\":{\"population_size\":\"10\",\"sample_size\":\"3\"}},"
            + "\"trainer\":{\"kind\":\"replay-test\",\"parameters\":{}},\"budget\":{\"max_trials\":100,\"parallel_trials\":4,\"max_failed_trials\":10}}",
            json);
    }

    [Fact]
    public void Serialize_AlgorithmAndSpaceDefaultsLeftOut_WritesThem()
    {
        var spec = StudySpecParser.ParseYaml(Yaml(space: "space: {kind: mlp}", algorithm: "algorithm: {name: evolution}", trainer: "trainer: {kind: synthetic}", budget: "budget: {max_trials: 10}"), Catalog);

        var json = StudySpecJson.Serialize(spec);

        Assert.Contains("\"space\":{\"kind\":\"mlp\",\"parameters\":{\"max_layers\":\"3\",\"widths\":\"8,16,32,64,128,256,512\"},\"decisions\":[]}", json, StringComparison.Ordinal);
        Assert.Contains("\"seed\":0,\"parameters\":{\"population_size\":\"10\",\"sample_size\":\"3\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SerializedCustomSpec_SerializesIdentically()
    {
        var spec = StudySpecParser.ParseYaml(CustomYaml);
        var json = StudySpecJson.Serialize(spec);

        var again = StudySpecJson.Deserialize(json);

        Assert.Equal(json, StudySpecJson.Serialize(again));
        Assert.Equal(StudySpecJson.Hash(spec), StudySpecJson.Hash(again));
        Assert.Equal(ulong.MaxValue, again.Algorithm.Seed);
        Assert.Equal(["2", "3"], again.Space.Decisions[1].When!["layers"]);
        Assert.Contains("\"step\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"log\":true", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_InvalidJson_ThrowsSpecValidationException()
    {
        var json = StudySpecJson.Serialize(StudySpecParser.ParseYaml(CustomYaml)).Replace("\"max_trials\":50", "\"max_trials\":-5", StringComparison.Ordinal);

        var e = Assert.Throws<SpecValidationException>(() => StudySpecJson.Deserialize(json));

        Assert.Equal("budget.max_trials", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void Hash_Spec_IsLowercaseHexSha256ThatChangesWithTheSpec()
    {
        var spec = StudySpecParser.ParseYaml(Yaml(), Catalog);

        var hash = StudySpecJson.Hash(spec);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, StudySpecJson.Hash(StudySpecParser.ParseJson(Json, Catalog)));
        Assert.NotEqual(hash, StudySpecJson.Hash(spec with { Budget = spec.Budget with { MaxTrials = 99 } }));
    }

    [Fact]
    public void Hash_ParametersGivenInAnotherOrderOrAsDefaults_IsTheSame()
    {
        var a = StudySpecParser.ParseYaml(Yaml(algorithm: "algorithm: {name: evolution, parameters: {sample_size: 3, population_size: 10}}"), Catalog);
        var b = StudySpecParser.ParseYaml(Yaml(algorithm: "algorithm: {name: evolution, seed: 0}"), Catalog);

        Assert.Equal(StudySpecJson.Hash(a), StudySpecJson.Hash(b));
    }

    [Fact]
    public void Hash_SpecWithoutDomains_IsPinned()
    {
        // Specs written before domains: existed keep their canonical JSON, and so their hash (and their study's identity).
        var spec = StudySpecParser.ParseYaml(Yaml(), Catalog);

        Assert.DoesNotContain("domains", StudySpecJson.Serialize(spec), StringComparison.Ordinal);
        Assert.Equal("b935ad081012cfea2623a8738203bec246457bead0ca2d2c4028f59adf548d91", StudySpecJson.Hash(spec));
    }

    [Fact]
    public void Serialize_SpecWithDomains_WritesThemLastAndRoundTrips()
    {
        var spec = StudySpecParser.ParseYaml(
            Yaml() + "domains:\n  - {name: a, dataset: mnist}\n  - {name: b, dataset: 'inverted:upsampled:digits', batch_size: 32, validation_size: 0.2, max_train_samples: 0, weight: 0.5}\n",
            Catalog);

        var json = StudySpecJson.Serialize(spec);
        var again = StudySpecJson.Deserialize(json, Catalog);

        Assert.EndsWith(
            "\"max_failed_trials\":10},\"domains\":[{\"name\":\"a\",\"dataset\":\"mnist\",\"max_train_samples\":10000,\"weight\":1},"
            + "{\"name\":\"b\",\"dataset\":\"inverted:upsampled:digits\",\"batch_size\":32,\"validation_size\":0.2,\"max_train_samples\":0,\"weight\":0.5}]}",
            json,
            StringComparison.Ordinal);
        Assert.Equal(json, StudySpecJson.Serialize(again));
        Assert.Equal(spec.Domains, again.Domains);
        Assert.NotEqual(StudySpecJson.Hash(spec), StudySpecJson.Hash(spec with { Domains = null }));
    }

    [Fact]
    public void Hash_DomainDefaultsWrittenOut_IsTheSame()
    {
        var a = StudySpecParser.ParseYaml(Yaml() + "domains:\n  - {name: a, dataset: mnist}\n", Catalog);
        var b = StudySpecParser.ParseYaml(Yaml() + "domains:\n  - {name: a, dataset: mnist, max_train_samples: 10000, weight: 1}\n", Catalog);

        Assert.Equal(StudySpecJson.Hash(a), StudySpecJson.Hash(b));
    }
}
