using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NasOrleans.Gateway.Auth;

/// <summary>
/// The <c>NasApiKey</c> scheme: a key in <c>Authorization: Bearer KEY</c>, <c>X-Api-Key: KEY</c> (HTTP headers and gRPC
/// metadata alike) or the dashboard's <c>nas_api_key</c> cookie. No key: no result (a policy then answers 401); a key
/// that is not in the keys file: failure (401).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request.Headers[HeaderNames.Authorization].ToString(), Request.Headers[ApiKeyDefaults.HeaderName].ToString(), Request.Cookies[ApiKeyDefaults.CookieName]);
        if (presented.IsEmpty)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(presented) is not { } entry)
        {
            return Task.FromResult(AuthenticateResult.Fail("the API key is not known; ask the service's admin for a key (nas keys add)"));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, entry.Owner),
                new Claim(ApiKeyDefaults.ScopeClaim, entry.Scope),
                new Claim(ApiKeyDefaults.KeyIdClaim, entry.Id),
            ],
            ApiKeyDefaults.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"nasorleans\"";
        return Task.CompletedTask;
    }

    /// <summary>The key presented: the bearer token, else the X-Api-Key header, else the cookie; empty when none.</summary>
    internal static ReadOnlySpan<char> Presented(string authorization, string header, string? cookie)
    {
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return authorization.AsSpan(BearerPrefix.Length).Trim();
        }

        if (header.Length > 0)
        {
            return header.AsSpan().Trim();
        }

        return cookie.AsSpan().Trim();
    }
}
