using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NasOrleans.Dashboard;

namespace NasOrleans.Dashboard.Tests;

/// <summary>
/// A stand-in for the gateway's NasApiKey handler until it lands on main: the same scheme, claims and places a key
/// is read from (Authorization: Bearer, X-Api-Key, the nas_api_key cookie), over a fixed table of test keys.
/// </summary>
internal sealed class TestApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim()
            : Request.Headers["X-Api-Key"].ToString() is { Length: > 0 } x ? x
            : Request.Cookies[DashboardNames.ApiKeyCookie];
        if (string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!TestKeys.All.TryGetValue(key, out var who))
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, who.Owner), new Claim(DashboardNames.ScopeClaim, who.Scope)], DashboardNames.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), DashboardNames.Scheme)));
    }
}
