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

    /// <summary>
    /// Adds OpenTelemetry with the exporter that <paramref name="options"/> names, and the Prometheus exporter behind
    /// <c>/metrics</c> when the silo serves HTTP (nothing when both are off).
    /// </summary>
    public static IServiceCollection AddNasTelemetry(this IServiceCollection services, NasSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prometheus = options.HttpPort > 0;
        if (options.Telemetry == TelemetryExporter.None && !prometheus)
        {
            return services;
        }

        // The gauges live on the grains' meter: touch it so that a silo exports them before its first scheduler call.
        _ = NasTelemetry.Meter;
        if (options.TrainerSlots > 0)
        {
            GpuMemoryGauge.Register();
        }

        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(NasTelemetry.Name, OrleansMeter);
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (options.Telemetry == TelemetryExporter.Console)
            {
                metrics.AddConsoleExporter();
            }
            else if (options.Telemetry == TelemetryExporter.Otlp)
            {
                metrics.AddOtlpExporter(o => o.Endpoint = options.OtlpEndpoint ?? o.Endpoint);
            }
        });
        if (options.Telemetry == TelemetryExporter.None)
        {
            return services;
        }

        telemetry
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
