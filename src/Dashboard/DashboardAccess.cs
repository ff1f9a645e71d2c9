using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NasOrleans.Dashboard;

/// <summary>
/// Evaluates the host's <see cref="DashboardNames.ReadPolicy"/> and <see cref="DashboardNames.WritePolicy"/> in the
/// handlers (as the authorization middleware would), so that a page can send a browser without a key to the login
/// page while the JSON and form endpoints answer 401 and 403.
/// </summary>
internal static class DashboardAccess
{
    /// <summary>
    /// The user when the request passes <paramref name="policyName"/>; otherwise the answer to send: for a
    /// <paramref name="page"/>, a redirect to the login page when there is no valid key, else 401; 403 when the key lacks the scope.
    /// </summary>
    public static async Task<(DashboardUser? User, IResult? Refused)> CheckAsync(HttpContext context, string policyName, bool page, string prefix)
    {
        var services = context.RequestServices;
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await policies.GetPolicyAsync(policyName)
            ?? throw new InvalidOperationException(
                $"The dashboard needs the authorization policy '{policyName}' (and '{DashboardNames.ReadPolicy}', '{DashboardNames.WritePolicy}'): " +
                $"register the gateway's API-key authentication (scheme {DashboardNames.Scheme}) before mapping the dashboard.");
        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authenticated = await evaluator.AuthenticateAsync(policy, context);
        var authorized = await evaluator.AuthorizeAsync(policy, authenticated, context, resource: null);
        if (authorized.Succeeded)
        {
            var write = await policies.GetPolicyAsync(DashboardNames.WritePolicy);
            var canWrite = write is not null && (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, null, write)).Succeeded;
            return (new DashboardUser(context.User, canWrite), null);
        }

        if (authorized.Forbidden)
        {
            return (null, Results.Text(
                $"403: this API key may not do that (it needs {policyName}). Log in with a key that may: {prefix}/login",
                "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden));
        }

        if (page)
        {
            var back = context.Request.Path + context.Request.QueryString;
            var rejected = context.Request.Cookies.ContainsKey(DashboardNames.ApiKeyCookie) ? "&rejected=1" : "";
            return (null, Results.Redirect($"{prefix}/login?returnUrl={Uri.EscapeDataString(back)}{rejected}"));
        }

        return (null, Results.Text($"401: no valid API key; log in at {prefix}/login or send Authorization: Bearer KEY.",
            "text/plain; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized));
    }

    /// <summary>403 for a study the user may not see or act on (another owner's).</summary>
    public static IResult NotYours(string studyId) => Results.Text(
        $"403: study {studyId} belongs to another owner; log in with its owner's key or an admin key.",
        "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
}
