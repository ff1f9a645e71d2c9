using NasOrleans.Training.Data;
using NasOrleans.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Loop;

/// <summary>Small synthetic splits and models for loop tests.</summary>
public static class TestSplits
{
    /// <summary>Three Gaussian blobs in 4 dimensions (well separated): 150 train, 60 validation, 60 test.</summary>
    public static DatasetSplit Blobs(int seed = 1)
    {
        var generator = new Generator((ulong)seed);
        return new DatasetSplit(
            "blobs",
            Part("blobs/train", 150, generator),
            Part("blobs/validation", 60, generator),
            Part("blobs/test", 60, generator),
            []);
    }

    /// <summary>Random 1x8x8 "images" of two classes told apart by their mean brightness.</summary>
    public static DatasetSplit Images(int count = 64)
    {
        var generator = new Generator(5);
        Dataset Part(string name)
        {
            var labels = torch.arange(count, dtype: ScalarType.Int64) % 2;
            var x = torch.randn([count, 1, 8, 8], generator: generator) + (labels.to(ScalarType.Float32).view(count, 1, 1, 1) * 2);
            return new Dataset(name, x, labels, new InputShape(1, 8, 8), 2);
        }

        return new DatasetSplit("images", Part("images/train"), Part("images/validation"), Part("images/test"), []);
    }

    /// <summary>A tiny MLP for 4 features and 3 classes.</summary>
    public static nn.Module<Tensor, Tensor> Mlp(long seed = 0)
    {
        torch.manual_seed(seed);
        return nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3));
    }

    private static Dataset Part(string name, int count, Generator generator)
    {
        var labels = torch.arange(count, dtype: ScalarType.Int64) % 3;
        var centers = torch.tensor(new float[] { 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 3, 3 }, [3, 4]);
        var features = centers.index_select(0, labels) + (torch.randn([count, 4], generator: generator) * 0.7f);
        return new Dataset(name, features, labels, new InputShape(4, 1, 1), 3);
    }
}
