using Microsoft.AspNetCore.Http;
using NasOrleans.Core.Strategies;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>The GET handlers of the pages and of the JSON the pages poll.</summary>
internal static class DashboardPages
{
    /// <summary>The studies list (the studies the key may see).</summary>
    public static async Task<IResult> StudiesAsync(HttpContext context, IGrainFactory grains, string prefix)
    {
        var (user, refused) = await DashboardAccess.CheckAsync(context, DashboardNames.ReadPolicy, page: true, prefix);
        if (user is null)
        {
            return refused!;
        }

        var studies = await VisibleAsync(grains, user);
        return DashboardLayout.Page(context, prefix, "Studies", StudiesPage.Render(prefix, studies), user);
    }

    /// <summary>The progress of the studies the key may see, for the list's live updates.</summary>
    public static async Task<IResult> StudiesJsonAsync(HttpContext context, IGrainFactory grains, string prefix)
    {
        var (user, refused) = await DashboardAccess.CheckAsync(context, DashboardNames.ReadPolicy, page: false, prefix);
        return user is null ? refused! : Json(context, (await VisibleAsync(grains, user)).Select(StudyProgress.Of).ToList());
    }

    /// <summary>A study's page with one page of its trials.</summary>
    public static async Task<IResult> StudyAsync(HttpContext context, IGrainFactory grains, string prefix, string id)
    {
        var (user, refused) = await DashboardAccess.CheckAsync(context, DashboardNames.ReadPolicy, page: true, prefix);
        if (user is null)
        {
            return refused!;
        }

        var (view, error) = TrialsView.Parse(context.Request.Query);
        if (view is null)
        {
            return DashboardLayout.Error(context, prefix, id, "Bad trials query: " + error, user, StatusCodes.Status400BadRequest);
        }

        var study = grains.GetGrain<IStudyGrain>(id);
        var ct = context.RequestAborted;
        var summary = await study.GetStatusAsync(ct);
        if (summary.Status == StudyStatus.NotFound)
        {
            return DashboardLayout.Error(context, prefix, id, $"No study '{id}'. The list of studies is at {prefix}/.", user, StatusCodes.Status404NotFound);
        }

        if (!user.MayAccess(summary))
        {
            return DashboardLayout.Error(context, prefix, id, $"Study '{id}' belongs to another owner; log in with its owner's key or an admin key.", user, StatusCodes.Status403Forbidden);
        }

        var spec = await study.GetSpecAsync(ct);
        var page = await study.GetTrialsAsync(view.Query, ct);
        PolicySnapshot? policy = null;
        string? policyError = null;
        if (StrategyCatalog.Find(summary.Algorithm)?.RunsInController == true)
        {
            try
            {
                policy = await grains.GetGrain<IControllerGrain>(ControllerKey.Format(id)).GetPolicyAsync(ct);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException or NotSupportedException)
            {
                policyError = "The controller's policy could not be read: " + e.Message;
            }
        }

        var notice = context.Request.Query["notice"].ToString() switch
        {
            "cancelled" => "The study was cancelled.",
            "extended" => "The study was extended.",
            _ => null,
        };
        var trials = TrialsTable.Render(prefix, summary, view, page);
        return DashboardLayout.Page(context, prefix, id, StudyPage.Render(context, prefix, summary, spec, user, trials, policy, policyError, notice), user);
    }

    /// <summary>A study's progress, for the study page's live updates.</summary>
    public static async Task<IResult> StudyJsonAsync(HttpContext context, IGrainFactory grains, string prefix, string id)
    {
        var (user, refused) = await DashboardAccess.CheckAsync(context, DashboardNames.ReadPolicy, page: false, prefix);
        if (user is null)
        {
            return refused!;
        }

        var summary = await grains.GetGrain<IStudyGrain>(id).GetStatusAsync(context.RequestAborted);
        return summary.Status == StudyStatus.NotFound ? Results.NotFound()
            : !user.MayAccess(summary) ? DashboardAccess.NotYours(id)
            : Json(context, StudyProgress.Of(summary));
    }

    /// <summary>The data of a study page's plots.</summary>
    public static async Task<IResult> ChartsJsonAsync(HttpContext context, IGrainFactory grains, string prefix, string id)
    {
        var (user, refused) = await DashboardAccess.CheckAsync(context, DashboardNames.ReadPolicy, page: false, prefix);
        if (user is null)
        {
            return refused!;
        }

        var study = grains.GetGrain<IStudyGrain>(id);
        var summary = await study.GetStatusAsync(context.RequestAborted);
        return summary.Status == StudyStatus.NotFound ? Results.NotFound()
            : !user.MayAccess(summary) ? DashboardAccess.NotYours(id)
            : Json(context, await ChartData.BuildAsync(study, summary, context.RequestAborted));
    }

    private static async Task<List<StudySummary>> VisibleAsync(IGrainFactory grains, DashboardUser user) =>
        [.. (await grains.GetGrain<IStudyCatalogGrain>(0).ListAsync()).Where(user.MayAccess)];

    private static IResult Json<T>(HttpContext context, T value)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(value);
    }
}
