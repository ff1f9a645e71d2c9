using Microsoft.Extensions.DependencyInjection;

namespace NasOrleans.Dashboard;

/// <summary>Registers what the dashboard needs besides the gateway's authentication.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>Adds the antiforgery services of the dashboard's forms (the cookie SameSite=Strict, HttpOnly).</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddNasDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "nas_antiforgery";
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = "__nas_csrf";
        });
        return services;
    }
}
