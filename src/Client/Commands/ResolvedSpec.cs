using System.Text.Json.Nodes;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Client.Commands;

/// <summary>A valid spec with every default filled in: its canonical JSON with the resolved parameters of the space, algorithm and trainer.</summary>
internal static class ResolvedSpec
{
    public static JsonObject Build(StudySpec spec, TrainerCatalog trainers)
    {
        var root = JsonNode.Parse(StudySpecJson.Serialize(spec))!.AsObject();
        Fill(root["space"], SpaceCatalog.Find(SpaceCatalog.EffectiveKind(spec.Space))?.Parameters, spec.Space.Parameters);
        Fill(root["algorithm"], StrategyCatalog.Find(spec.Algorithm.Name)?.Parameters, spec.Algorithm.Parameters);
        Fill(root["trainer"], trainers.Find(spec.Trainer.Kind)?.Parameters, spec.Trainer.Parameters);
        return root;
    }

    private static void Fill(JsonNode? section, IReadOnlyList<ParameterDescriptor>? descriptors, IReadOnlyDictionary<string, string>? given)
    {
        if (section is not JsonObject owner || descriptors is null || descriptors.Count == 0)
        {
            return;
        }

        var parameters = new JsonObject();
        foreach (var d in descriptors)
        {
            parameters[d.Name] = given?.GetValueOrDefault(d.Name) ?? d.Default;
        }

        owner["parameters"] = parameters;
    }
}
