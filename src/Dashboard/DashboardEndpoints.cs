using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace NasOrleans.Dashboard;

/// <summary>
/// Maps the NasOrleans dashboard: server-rendered pages of the studies and their trials, read through the grains.
/// Every page and JSON endpoint requires <see cref="DashboardNames.ReadPolicy"/>, Cancel and Extend
/// <see cref="DashboardNames.WritePolicy"/> and an antiforgery token; the host registers the API-key scheme and both
/// policies (the gateway's authentication) and the antiforgery services (<see cref="DashboardServiceCollectionExtensions.AddNasDashboard"/>).
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>
    /// Maps the pages under <paramref name="prefix"/>: <c>/</c> (studies), <c>/studies/ID</c> (a study, its plots and a
    /// page of its trials: <c>?order=id|best&amp;status=all|completed|...&amp;offset=N</c>), <c>/login</c>, <c>/logout</c>,
    /// <c>/studies/ID/cancel</c> and <c>/studies/ID/extend</c> (POST), the JSON the pages poll under <c>/api/</c>, and
    /// the script, style sheet and vendored uPlot under <c>/assets/</c>.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="prefix">The path the dashboard lives under ("/ui"; the Orleans Dashboard owns /dashboard).</param>
    /// <returns>The group of the dashboard's endpoints.</returns>
    public static RouteGroupBuilder MapNasDashboard(this IEndpointRouteBuilder endpoints, string prefix = DashboardNames.DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var p = prefix.TrimEnd('/');
        if (!p.StartsWith('/') || p.Length < 2 || p.Contains("//", StringComparison.Ordinal) || p.IndexOfAny(['?', '#', '{', '}', ' ']) >= 0)
        {
            throw new ArgumentException($"The dashboard's prefix must be a path such as /ui (a leading slash, no query or braces), not '{prefix}'.", nameof(prefix));
        }

        if (endpoints.ServiceProvider.GetService<IAntiforgery>() is null)
        {
            throw new InvalidOperationException("The dashboard's forms need antiforgery: call services.AddNasDashboard() before MapNasDashboard.");
        }

        var group = endpoints.MapGroup(p);
        group.MapGet("/", (HttpContext c, IGrainFactory g) => DashboardPages.StudiesAsync(c, g, p));
        group.MapGet("/studies/{id}", (HttpContext c, IGrainFactory g, string id) => DashboardPages.StudyAsync(c, g, p, id));
        group.MapGet("/api/studies", (HttpContext c, IGrainFactory g) => DashboardPages.StudiesJsonAsync(c, g, p));
        group.MapGet("/api/studies/{id}", (HttpContext c, IGrainFactory g, string id) => DashboardPages.StudyJsonAsync(c, g, p, id));
        group.MapGet("/api/studies/{id}/charts", (HttpContext c, IGrainFactory g, string id) => DashboardPages.ChartsJsonAsync(c, g, p, id));
        group.MapPost("/studies/{id}/cancel", (HttpContext c, IGrainFactory g, string id) => StudyActions.CancelAsync(c, g, p, id)).DisableAntiforgery();
        group.MapPost("/studies/{id}/extend", (HttpContext c, IGrainFactory g, string id) => StudyActions.ExtendAsync(c, g, p, id)).DisableAntiforgery();
        group.MapGet("/login", (HttpContext c) => LoginEndpoints.Form(c, p));
        group.MapPost("/login", (Func<HttpContext, Task<IResult>>)(c => LoginEndpoints.LoginAsync(c, p))).DisableAntiforgery();
        group.MapPost("/logout", (Func<HttpContext, Task<IResult>>)(c => LoginEndpoints.LogoutAsync(c, p))).DisableAntiforgery();
        group.MapGet("/assets/{**path}", (HttpContext c, string path) => DashboardAssets.Serve(c, path));
        // The handlers evaluate the policies themselves (a page without a key goes to the login page), and validate
        // the antiforgery token after the key's scope (a read key's post is a 403 whatever token it carries).
        return group;
    }
}
