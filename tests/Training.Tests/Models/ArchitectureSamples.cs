using NasOrleans.Core.Nb201;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Models;

/// <summary>Spaces and architectures the model tests share.</summary>
internal static class ArchitectureSamples
{
    public static SearchSpace Mlp(int maxLayers = 3, string widths = "8,16,32,64,128,256,512") =>
        SpaceCatalog.Create(new SpaceSpec("mlp", new Dictionary<string, string> { ["max_layers"] = $"{maxLayers}", ["widths"] = widths }, []));

    public static SearchSpace MobileCnn(int stages = 4) =>
        SpaceCatalog.Create(new SpaceSpec("mobile-cnn", new Dictionary<string, string> { ["stages"] = $"{stages}" }, []));

    public static SearchSpace Nb201 => Nb201Space.Instance;

    /// <summary>An mlp architecture with the given hidden widths.</summary>
    public static Architecture MlpOf(SearchSpace space, params int[] widths)
    {
        var description = new Dictionary<string, string> { ["layers"] = $"{widths.Length}" };
        for (var k = 0; k < widths.Length; k++)
        {
            description[$"width_{k + 1}"] = $"{widths[k]}";
        }

        return space.FromDescription(description);
    }

    /// <summary>A mobile-cnn architecture from "depth block kernel expansion width" per stage ("0" skips the stage).</summary>
    public static Architecture MobileOf(SearchSpace space, params string[] stages)
    {
        var description = new Dictionary<string, string>();
        for (var s = 0; s < stages.Length; s++)
        {
            var parts = stages[s].Split(' ');
            description[$"s{s + 1}_depth"] = parts[0];
            if (parts[0] != "0")
            {
                description[$"s{s + 1}_block"] = parts[1];
                description[$"s{s + 1}_kernel"] = parts[2];
                description[$"s{s + 1}_expansion"] = parts[3];
                description[$"s{s + 1}_width"] = parts[4];
            }
        }

        return space.FromDescription(description);
    }

    /// <summary>The number of trainable values of a module.</summary>
    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());
}
