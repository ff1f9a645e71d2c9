using Microsoft.Extensions.DependencyInjection;
using NasOrleans.Grains.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NasOrleans.Hosting;

/// <summary>Exports the grains' and Orleans' metrics and traces to the console or over OTLP.</summary>
public static class NasTelemetryExtensions
{
    /// <summary>The Orleans meter, exported beside ours.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The ActivitySource of Orleans' grain calls (the spans that carry a trace from caller to grain).</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Adds OpenTelemetry with the exporter that <paramref name="options"/> names (nothing for None).</summary>
    public static IServiceCollection AddNasTelemetry(this IServiceCollection services, NasSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Telemetry == TelemetryExporter.None)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(NasTelemetry.Name, OrleansMeter);
                if (options.Telemetry == TelemetryExporter.Console)
                {
                    metrics.AddConsoleExporter();
                }
                else
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = options.OtlpEndpoint ?? o.Endpoint);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(NasTelemetry.Name, OrleansApplicationSource);
                if (options.Telemetry == TelemetryExporter.Console)
                {
                    tracing.AddConsoleExporter();
                }
                else
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = options.OtlpEndpoint ?? o.Endpoint);
                }
            });
        return services;
    }
}
