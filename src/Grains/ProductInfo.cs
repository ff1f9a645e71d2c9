using System.Reflection;

namespace NasOrleans.Grains;

/// <summary>The product's version, recorded with every study.</summary>
public static class ProductInfo
{
    /// <summary>The informational version of the grains assembly (e.g. <c>0.1.0+commit</c>).</summary>
    public static string Version { get; } =
        typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
