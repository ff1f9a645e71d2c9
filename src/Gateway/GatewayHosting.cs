using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NasOrleans.Gateway.Auth;
using NasOrleans.Gateway.Services;

namespace NasOrleans.Gateway;

/// <summary>
/// Puts the gateway service on a web host beside a silo (or an Orleans client: it needs an <see cref="IGrainFactory"/>):
/// <see cref="AddNasGateway"/> registers gRPC with JSON transcoding, the <c>NasApiKey</c> scheme and the
/// <c>nas.read</c>/<c>nas.write</c> policies; <see cref="MapNasGateway"/> maps the services. gRPC needs HTTP/2, so the
/// host's Kestrel endpoint must speak it: <see cref="H2cPriorKnowledge.UseH2cPriorKnowledge"/> on plain http.
/// </summary>
public static class GatewayHosting
{
    /// <summary>Whether <c>Nas:Gateway:Enabled</c> is set in <paramref name="configuration"/>.</summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue<bool>($"{NasGatewayOptions.SectionName}:{nameof(NasGatewayOptions.Enabled)}");
    }

    /// <summary>Registers the gateway from <paramref name="configuration"/>'s <c>Nas:Gateway</c> section (validated when the host starts).</summary>
    public static WebApplicationBuilder AddNasGateway(this WebApplicationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = builder.Services;
        services.AddOptions<NasGatewayOptions>()
            .Bind(configuration.GetSection(NasGatewayOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // HTTP/2 requests over H2cPriorKnowledge keep their :scheme http although Kestrel was told "h2" as by TLS.
        services.Configure<KestrelServerOptions>(o => o.AllowAlternateSchemes = true);
        // Kestrel warns at start that a cleartext endpoint cannot do HTTP/2; H2cPriorKnowledge makes it do so.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<StudyAccess>();
        services.AddSingleton<SpecCatalog>();
        services.AddSingleton<StudyGatewayService>();
        services.AddSingleton<TrialGatewayService>();
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.ReadPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .AddRequirements(new ReadRequirement()))
            .AddPolicy(ApiKeyDefaults.WritePolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyDefaults.ScopeClaim, ApiKeyDefaults.WriteScope, ApiKeyDefaults.AdminScope));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ReadRequirementHandler>();
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<GrainErrorInterceptor>();
            o.MaxReceiveMessageSize = 2 * Core.Specs.SpecLimits.MaxBytes;
        }).AddJsonTranscoding();
        return builder;
    }

    /// <summary>Adds authentication and authorization to the pipeline and maps the study and trial services.</summary>
    public static WebApplication MapNasGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Fails the start, naming the fix, when the options are wrong or the keys file cannot be read.
        _ = app.Services.GetRequiredService<IOptions<NasGatewayOptions>>().Value;
        _ = app.Services.GetRequiredService<ApiKeyStore>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<StudyGatewayService>();
        app.MapGrpcService<TrialGatewayService>();
        return app;
    }
}
