using NasOrleans.Gateway.Auth;

namespace NasOrleans.Dashboard;

/// <summary>
/// The names the dashboard shares with the gateway's API-key authentication (<see cref="ApiKeyDefaults"/>): the scheme,
/// the two policies, the scope claim and the login cookie. The host registers the scheme and the policies
/// (<c>AddNasGateway</c>); the dashboard only uses them.
/// </summary>
public static class DashboardNames
{
    /// <summary>The authentication scheme that reads an API key (header or the <see cref="ApiKeyCookie"/>).</summary>
    public const string Scheme = ApiKeyDefaults.Scheme;

    /// <summary>The policy every page and JSON endpoint requires (any valid key).</summary>
    public const string ReadPolicy = ApiKeyDefaults.ReadPolicy;

    /// <summary>The policy of cancel and extend (a write or admin key).</summary>
    public const string WritePolicy = ApiKeyDefaults.WritePolicy;

    /// <summary>The claim that carries a key's scope (read, write or admin).</summary>
    public const string ScopeClaim = ApiKeyDefaults.ScopeClaim;

    /// <summary>The scope that acts on every owner's studies.</summary>
    public const string AdminScope = ApiKeyDefaults.AdminScope;

    /// <summary>The cookie the login page sets to the API key (HttpOnly, SameSite=Strict, Secure on https).</summary>
    public const string ApiKeyCookie = ApiKeyDefaults.CookieName;

    /// <summary>The default path prefix (the Orleans Dashboard owns /dashboard).</summary>
    public const string DefaultPrefix = "/ui";

    /// <summary>Rows of the trials table per page.</summary>
    public const int TrialsPageSize = 50;
}
