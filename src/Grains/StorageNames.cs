namespace NasOrleans.Grains;

/// <summary>Names of the storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>The grain-state provider of studies and strategies.</summary>
    public const string Grains = "nas";
}
