using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Training.Models;
using NasOrleans.Training.Supernets;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Supernets;

/// <summary>A tiny mobile-cnn space and helpers the supernet tests share.</summary>
internal static class SupernetSamples
{
    /// <summary>12x12 RGB: the stem keeps 12x12, the first present stage among 1-3 halves it (12 → 6), later ones keep 6x6.</summary>
    public static readonly InputShape Input = new(3, 12, 12);

    /// <summary>Two stages of up to two blocks, every block type, kernels 3 and 5, expansions 1 and 3, widths 9 (odd: group_ibn falls back to 1 group) and 16 (the stem's: residuals).</summary>
    public static SearchSpace Space { get; } = SpaceCatalog.Create(new SpaceSpec(
        "mobile-cnn",
        new Dictionary<string, string> { ["stages"] = "2", ["max_depth"] = "2", ["kernels"] = "3,5", ["expansions"] = "1,3", ["widths"] = "9,16" },
        []));

    /// <summary>Classes of the two domains.</summary>
    public static readonly int[] Classes = [4, 3];

    /// <summary>A supernet of <see cref="Space"/> built after seeding torch with <paramref name="seed"/>.</summary>
    public static Supernet Create(long seed, params int[] classes)
    {
        manual_seed(seed);
        return new Supernet(Space, Input, classes.Length == 0 ? Classes : classes);
    }

    /// <summary>A seeded batch of <paramref name="batch"/> images.</summary>
    public static Tensor Batch(long seed, int batch = 4)
    {
        manual_seed(seed);
        return randn(batch, Input.Channels, Input.Height, Input.Width);
    }

    /// <summary>
    /// Moves every batch norm away from its initial state: random scales and shifts, and running statistics from a
    /// few training-mode passes of random paths for every domain; leaves the supernet in eval mode.
    /// </summary>
    public static void Perturb(Supernet supernet, IEnumerable<Architecture> paths)
    {
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            foreach (var parameter in supernet.parameters().Where(p => p.dim() == 1))
            {
                parameter.uniform_(0.5, 1.5);
            }
        }

        supernet.train();
        using (no_grad())
        {
            foreach (var path in paths)
            {
                for (var domain = 0; domain < supernet.Domains; domain++)
                {
                    supernet.forward(Batch(100 + domain, batch: 8).mul(2).add(0.5), path, domain);
                }
            }
        }

        supernet.eval();
    }

    /// <summary>The largest absolute difference of two tensors of one shape.</summary>
    public static double MaxAbsDifference(Tensor a, Tensor b)
    {
        Assert.Equal(a.shape, b.shape);
        using var difference = a.to_type(ScalarType.Float64).sub(b.to_type(ScalarType.Float64)).abs().max();
        return difference.item<double>();
    }
}
