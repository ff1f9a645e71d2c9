using System.Diagnostics.Metrics;

namespace NasOrleans.Hosting.Security;

/// <summary>The cluster-key check's meter: calls refused for want of the key.</summary>
public static class ClusterKeyTelemetry
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "NasOrleans.Security";

    /// <summary>The counter's name.</summary>
    public const string RefusedName = "nas.calls.refused";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Grain calls refused because they carried no valid cluster key.</summary>
    public static Counter<long> Refused { get; } = Meter.CreateCounter<long>(RefusedName, unit: "{call}", description: "Grain calls refused because they carried no valid cluster key.");
}
