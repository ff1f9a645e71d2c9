namespace NasOrleans.Hosting;

/// <summary>Where metrics and traces go.</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere (the instruments still exist for listeners).</summary>
    None,

    /// <summary>Printed to the console (stderr of the host).</summary>
    Console,

    /// <summary>Sent over OTLP to <see cref="NasSiloOptions.OtlpEndpoint"/>.</summary>
    Otlp,
}
