using NasOrleans.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Trainers;

/// <summary>Plain TorchSharp models to compare the searched ones with.</summary>
public static class BaselineModels
{
    /// <summary>Flatten, Linear(features, 256), ReLU, Linear(256, classes): 784-256-10 on Fashion-MNIST.</summary>
    public static nn.Module<Tensor, Tensor> Mlp(InputShape shape, int classes)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return nn.Sequential(nn.Flatten(), nn.Linear(shape.Features, 256), nn.ReLU(), nn.Linear(256, classes));
    }

    /// <summary>Conv 3x3 to 16 channels, ReLU, max-pool 2; conv 3x3 to 32, ReLU, max-pool 2; flatten; Linear to the classes. Images only.</summary>
    public static nn.Module<Tensor, Tensor> Cnn(InputShape shape, int classes)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (!shape.IsImage)
        {
            throw new ArgumentException($"The baseline CNN needs images; the input is {shape.Channels}x{shape.Height}x{shape.Width}.", nameof(shape));
        }

        var flat = 32L * (shape.Height / 2 / 2) * (shape.Width / 2 / 2);
        return nn.Sequential(
            nn.Conv2d(shape.Channels, 16, 3, padding: 1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding: 1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(flat, classes));
    }
}
