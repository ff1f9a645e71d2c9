using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NasOrleans.Dashboard;

/// <summary>The frame of every page: head with the vendored assets, a header with the user and a logout form, and the body.</summary>
internal static class DashboardLayout
{
    /// <summary>Scripts only from the dashboard's own assets; no inline script or style markup.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /// <summary>The page as an HTML response.</summary>
    public static IResult Page(HttpContext context, string prefix, string title, string body, DashboardUser? user, int status = StatusCodes.Status200OK)
    {
        var assets = Html.E(prefix) + "/assets";
        var who = user?.Principal.Identity?.IsAuthenticated == true ? $"key of <b>{Html.E(user.Owner)}</b> ({Html.E(user.Scope)})" : "anonymous (read only)";
        var header = user is null ? "" : $"""
            <span class="who">{who}</span>
            <form method="post" action="{Html.E(prefix)}/logout" class="inline">{AntiforgeryField(context)}<button type="submit" id="logout">Log out</button></form>
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html.E(title)} · NasOrleans</title>
            <link rel="stylesheet" href="{assets}/vendor/uPlot.min.css">
            <link rel="stylesheet" href="{assets}/dashboard.css">
            <script src="{assets}/vendor/uPlot.iife.min.js" defer></script>
            <script src="{assets}/dashboard.js" defer></script>
            </head>
            <body data-prefix="{Html.E(prefix)}">
            <header><a href="{Html.E(prefix)}/" class="brand">NasOrleans</a> <span class="crumb">{Html.E(title)}</span><span class="spacer"></span>{header}</header>
            <main>
            {body}
            </main>
            </body>
            </html>
            """;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "same-origin";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The hidden antiforgery field for a POST form of this request's user.</summary>
    public static string AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{Html.E(tokens.FormFieldName)}" value="{Html.E(tokens.RequestToken)}">""";
    }

    /// <summary>A page that says what went wrong (the message encoded).</summary>
    public static IResult Error(HttpContext context, string prefix, string title, string message, DashboardUser? user, int status) =>
        Page(context, prefix, title, $"""<p class="error" id="error">{Html.E(message)}</p><p><a href="{Html.E(prefix)}/">All studies</a></p>""", user, status);
}
