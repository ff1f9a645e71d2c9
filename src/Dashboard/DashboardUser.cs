using System.Security.Claims;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>Who is looking at the dashboard: the API key's owner and scope, and whether it may cancel and extend.</summary>
/// <param name="Principal">The authenticated principal.</param>
/// <param name="CanWrite">Whether the key passes the write policy.</param>
internal sealed record DashboardUser(ClaimsPrincipal Principal, bool CanWrite)
{
    /// <summary>The key's owner (<see cref="ClaimTypes.Name"/>).</summary>
    public string Owner => Principal.FindFirstValue(ClaimTypes.Name) ?? "";

    /// <summary>The key's scope (read, write or admin).</summary>
    public string Scope => Principal.FindFirstValue(DashboardNames.ScopeClaim) ?? "";

    /// <summary>Whether the key acts on every owner's studies.</summary>
    public bool IsAdmin => string.Equals(Scope, DashboardNames.AdminScope, StringComparison.Ordinal);

    /// <summary>
    /// A read or write key sees and acts on the studies it owns, an admin key on all (as the gateway's API does); so
    /// does an anonymous reader where the host allows anonymous reads (Nas:Gateway:AllowAnonymousRead).
    /// </summary>
    public bool MayAccess(StudySummary study) =>
        Principal.Identity?.IsAuthenticated != true || IsAdmin || string.Equals(study.Owner, Owner, StringComparison.Ordinal);
}
