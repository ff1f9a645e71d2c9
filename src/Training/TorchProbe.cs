namespace NasOrleans.Training;

/// <summary>Placeholder.</summary>
public static class TorchProbe
{
    /// <summary>Placeholder.</summary>
    public static string Device() => TorchSharp.torch.cuda.is_available() ? "cuda" : "cpu";
}
