using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NasOrleans.Dashboard;

/// <summary>
/// <c>PREFIX/login</c>: a form taking an API key, kept in the <see cref="DashboardNames.ApiKeyCookie"/> cookie (HttpOnly,
/// SameSite=Strict, Secure on https) that the gateway's API-key handler reads; <c>PREFIX/logout</c> removes it.
/// </summary>
internal static class LoginEndpoints
{
    /// <summary>The login form; <c>rejected=1</c> says the key in the cookie was not accepted.</summary>
    public static IResult Form(HttpContext context, string prefix)
    {
        var back = SafeReturn(context.Request.Query["returnUrl"].ToString(), prefix);
        var rejected = context.Request.Query["rejected"] == "1"
            ? """<p class="error" id="login-error">That API key was not accepted (unknown, revoked or mistyped). Try another.</p>""" : "";
        var body = $"""
            <h1>Log in</h1>
            {rejected}
            <form method="post" action="{Html.E(prefix)}/login" class="login">
            {DashboardLayout.AntiforgeryField(context)}
            <input type="hidden" name="returnUrl" value="{Html.E(back)}">
            <label>API key <input type="password" name="api_key" id="api-key" autocomplete="current-password" required placeholder="nas_..."></label>
            <button type="submit" id="login">Log in</button>
            </form>
            <p class="hint">A key comes from <code>nas keys add --file KEYS --owner NAME --scope read|write|admin</code>; <code>nas serve</code> writes an admin key to <code>DATA/secrets/admin.key</code>.</p>
            """;
        return DashboardLayout.Page(context, prefix, "Log in", body, user: null);
    }

    /// <summary>Keeps the posted key in the cookie and goes back to where the user was sent from.</summary>
    public static async Task<IResult> LoginAsync(HttpContext context, string prefix)
    {
        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return Results.Text("400: the login form expired; reload the login page and try again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var key = form["api_key"].ToString().Trim();
        if (key.Length == 0 || key.Length > 512)
        {
            return Results.Redirect($"{prefix}/login?rejected=1");
        }

        context.Response.Cookies.Append(DashboardNames.ApiKeyCookie, key, Cookie(context, prefix));
        return Results.Redirect(SafeReturn(form["returnUrl"].ToString(), prefix));
    }

    /// <summary>Removes the key's cookie.</summary>
    public static async Task<IResult> LogoutAsync(HttpContext context, string prefix)
    {
        await DashboardAccess.CheckAsync(context, DashboardNames.ReadPolicy, page: false, prefix);
        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return Results.Text("400: the page expired; reload it and log out again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        context.Response.Cookies.Delete(DashboardNames.ApiKeyCookie, Cookie(context, prefix));
        return Results.Redirect($"{prefix}/login");
    }

    private static CookieOptions Cookie(HttpContext context, string prefix) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = prefix,
        IsEssential = true,
    };

    /// <summary>Only a path under the dashboard (no other site, no scheme-relative //host).</summary>
    private static string SafeReturn(string url, string prefix) =>
        url.StartsWith(prefix + "/", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url : prefix + "/";
}
