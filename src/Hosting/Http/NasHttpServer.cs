using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NasOrleans.Gateway;
using NasOrleans.Dashboard;
using Orleans.Dashboard;

namespace NasOrleans.Hosting.Http;

/// <summary>
/// The silo's HTTP server on <see cref="NasSiloOptions.HttpPort"/>: <c>/healthz</c> answers while the process runs,
/// <c>/readyz</c> once the silo is an active cluster member and its store answers (what a Kubernetes readiness probe
/// and a load balancer need), <c>/metrics</c> in Prometheus' text format, and the Orleans Dashboard at
/// <c>/dashboard</c> when <see cref="NasSiloOptions.Dashboard"/> is set; with <c>Nas:Gateway:Enabled</c> also the
/// gateway service (gRPC and HTTP/JSON under <c>/v1</c>, <see cref="GatewayHosting"/>), on HTTP/1.1 and HTTP/2 (h2c), and
/// the NasOrleans dashboard under <see cref="UiPath"/> behind the same API keys ("/" redirects there).
/// </summary>
public static class NasHttpServer
{
    /// <summary>Liveness path.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>Readiness path.</summary>
    public const string ReadyPath = "/readyz";

    /// <summary>Prometheus scrape path.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Orleans Dashboard path.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>The NasOrleans dashboard's path (with the gateway; "/" redirects there).</summary>
    public const string UiPath = DashboardNames.DefaultPrefix;

    private const string ReadyTag = "ready";

    /// <summary>Listens on the options' address and port, adds the readiness checks, and maps the endpoints.</summary>
    public static WebApplication Build(WebApplicationBuilder builder, NasSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        // A request log line per probe and scrape would drown the silo's own log.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Kestrel starts beside the silo, not after it: /healthz answers while the silo joins (a liveness probe must not
        // restart a silo that is still joining), and /readyz says it is not ready yet.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        var gateway = GatewayHosting.IsEnabled(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(options.HttpAddress), options.HttpPort, listen =>
        {
            if (gateway)
            {
                // gRPC needs HTTP/2; on plain http a gRPC client speaks it with prior knowledge (h2c), browsers HTTP/1.1.
                listen.UseH2cPriorKnowledge();
            }
        }));
        if (gateway)
        {
            builder.AddNasGateway(builder.Configuration);
            builder.Services.AddNasDashboard();
        }

        builder.Services.AddHealthChecks()
            .AddCheck<ClusterReadyCheck>("cluster", tags: [ReadyTag])
            .AddCheck<StoreReadyCheck>("store", tags: [ReadyTag]);
        var app = builder.Build();
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteReportAsync });
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (options.Dashboard)
        {
            app.MapOrleansDashboard(DashboardPath);
        }

        if (gateway)
        {
            app.MapNasGateway();
            // The web dashboard beside the API, behind the same keys (the Orleans Dashboard keeps /dashboard).
            app.MapNasDashboard(UiPath);
            app.MapGet("/", () => Results.Redirect(UiPath + "/"));
        }

        return app;
    }

    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
