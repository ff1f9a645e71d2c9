using NasOrleans.Training.Loop;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>The optimizer of a supernet's (or a multi-path model's) weights, and its state as checkpoint bytes.</summary>
internal static class SupernetOptimizers
{
    /// <summary>The optimizer <paramref name="settings"/> name over <paramref name="module"/>'s parameters.</summary>
    public static OptimizerHelper Create(nn.Module module, SupernetSearchSettings settings) => settings.Optimizer switch
    {
        OptimizerKind.AdamW => optim.AdamW(module.parameters(), settings.LearningRate, weight_decay: settings.WeightDecay),
        OptimizerKind.Sgd => optim.SGD(module.parameters(), settings.LearningRate, momentum: TrainingSettings.SgdMomentum, weight_decay: settings.WeightDecay, nesterov: true),
        _ => optim.Adam(module.parameters(), settings.LearningRate, weight_decay: settings.WeightDecay),
    };

    /// <summary>The optimizer's state as bytes.</summary>
    public static byte[] Save(OptimizerHelper optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            optimizer.save_state_dict(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Restores what <see cref="Save"/> wrote.</summary>
    public static void Load(OptimizerHelper optimizer, byte[] state)
    {
        using var stream = new MemoryStream(state, writable: false);
        using var reader = new BinaryReader(stream);
        optimizer.load_state_dict(reader);
    }
}
