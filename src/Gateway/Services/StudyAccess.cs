using System.Collections.Concurrent;
using System.Security.Claims;
using Grpc.Core;
using NasOrleans.Gateway.Auth;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Gateway.Services;

/// <summary>
/// Who may act on which study: a read or write key only on the studies its owner owns (<see cref="StudySummary.Owner"/>),
/// an admin key on all, no key (where anonymous reads are allowed) reads all. The ask/tell calls look the owner up in a
/// cache that holds it for <see cref="OwnerLifetime"/>, so that a worker's many calls cost no extra grain call each.
/// </summary>
internal sealed class StudyAccess(IGrainFactory grains, TimeProvider time)
{
    /// <summary>How long a study's owner is taken from the cache.</summary>
    public static readonly TimeSpan OwnerLifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (string Owner, long Until)> _owners = new(StringComparer.Ordinal);

    /// <summary>The caller of <paramref name="context"/>.</summary>
    public static ClaimsPrincipal User(ServerCallContext context) => context.GetHttpContext().User;

    /// <summary>True for an admin key.</summary>
    public static bool IsAdmin(ClaimsPrincipal user) => user.HasClaim(ApiKeyDefaults.ScopeClaim, ApiKeyDefaults.AdminScope);

    /// <summary>The owner of the caller's key; empty for an anonymous reader.</summary>
    public static string OwnerOf(ClaimsPrincipal user) => user.Identity is { IsAuthenticated: true, Name: { } name } ? name : "";

    /// <summary>Whether <paramref name="user"/> may act on a study of <paramref name="owner"/> (the policy has already let the call in).</summary>
    public static bool May(ClaimsPrincipal user, string owner) =>
        user.Identity?.IsAuthenticated != true || IsAdmin(user) || string.Equals(OwnerOf(user), owner, StringComparison.Ordinal);

    /// <summary>The study's summary, once the caller may act on it; NotFound or PermissionDenied otherwise.</summary>
    public async Task<StudySummary> SummaryAsync(ServerCallContext context, string studyId)
    {
        GatewayErrors.CheckStudyId(studyId);
        var summary = await grains.GetGrain<IStudyGrain>(studyId).GetStatusAsync(context.CancellationToken);
        if (summary.Status == StudyStatus.NotFound)
        {
            _owners.TryRemove(studyId, out _);
            throw NotFound(studyId);
        }

        _owners[studyId] = (summary.Owner, Until());
        return May(User(context), summary.Owner) ? summary : throw Denied(studyId);
    }

    /// <summary>Refuses the call unless the caller may act on the study (its owner from the cache when fresh).</summary>
    public ValueTask CheckAsync(ServerCallContext context, string studyId)
    {
        GatewayErrors.CheckStudyId(studyId);
        if (_owners.TryGetValue(studyId, out var cached) && time.GetTimestamp() < cached.Until)
        {
            return May(User(context), cached.Owner) ? ValueTask.CompletedTask : throw Denied(studyId);
        }

        return new ValueTask(SummaryAsync(context, studyId));
    }

    /// <summary>Forgets a deleted study's owner.</summary>
    public void Forget(string studyId) => _owners.TryRemove(studyId, out _);

    private long Until() => time.GetTimestamp() + (long)(OwnerLifetime.TotalSeconds * time.TimestampFrequency);

    private static RpcException NotFound(string studyId) =>
        GatewayErrors.NotFound($"there is no study '{studyId}'; list the studies (GET /v1/studies) or create it (POST /v1/studies)");

    private static RpcException Denied(string studyId) =>
        GatewayErrors.Denied($"study '{studyId}' belongs to another owner; use a key of its owner, or an admin key");
}
