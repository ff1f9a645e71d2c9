namespace NasOrleans.Gateway.Auth;

/// <summary>The names the gateway's API-key authentication agrees on with the dashboard and the clients.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme.</summary>
    public const string Scheme = "NasApiKey";

    /// <summary>The claim that holds the key's scope (read, write or admin).</summary>
    public const string ScopeClaim = "nas:scope";

    /// <summary>The claim that holds the key's id in the keys file.</summary>
    public const string KeyIdClaim = "nas:key_id";

    /// <summary>Any valid key (or none, with <see cref="NasGatewayOptions.AllowAnonymousRead"/>).</summary>
    public const string ReadPolicy = "nas.read";

    /// <summary>A write or admin key.</summary>
    public const string WritePolicy = "nas.write";

    /// <summary>The header that carries a key (besides <c>Authorization: Bearer KEY</c>).</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The dashboard's login cookie.</summary>
    public const string CookieName = "nas_api_key";

    /// <summary>Reads the owner's studies.</summary>
    public const string ReadScope = "read";

    /// <summary>Reads and changes the owner's studies, and works their trials (ask/tell).</summary>
    public const string WriteScope = "write";

    /// <summary>Everything, on every owner's studies.</summary>
    public const string AdminScope = "admin";

    /// <summary>The start of every key's text.</summary>
    public const string KeyPrefix = "nas_";
}
