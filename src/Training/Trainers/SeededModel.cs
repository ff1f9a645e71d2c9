using NasOrleans.Core.Spaces;
using NasOrleans.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Trainers;

/// <summary>Builds modules with reproducible weights: seeding libtorch's global generator and building happen under one process-wide lock.</summary>
internal static class SeededModel
{
    private static readonly Lock BuildLock = new();

    public static nn.Module<Tensor, Tensor> Build(SearchSpace space, Architecture architecture, InputShape shape, int classes, long seed)
    {
        lock (BuildLock)
        {
            torch.manual_seed(seed);
            return ModelBuilder.Build(space, architecture, shape, classes);
        }
    }

    public static nn.Module<Tensor, Tensor> Build(Func<nn.Module<Tensor, Tensor>> build, long seed)
    {
        lock (BuildLock)
        {
            torch.manual_seed(seed);
            return build();
        }
    }
}
