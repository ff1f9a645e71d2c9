using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>
/// The study page's Cancel and Extend forms: a key that passes <see cref="DashboardNames.WritePolicy"/> and owns the
/// study (or is an admin key), with the form's antiforgery token; otherwise 401, 403 or 400 and nothing changes.
/// </summary>
internal static class StudyActions
{
    /// <summary>Cancels the study and goes back to its page.</summary>
    public static Task<IResult> CancelAsync(HttpContext context, IGrainFactory grains, string prefix, string id) =>
        ActAsync(context, grains, prefix, id, async (study, _, ct) =>
        {
            await study.CancelAsync(ct);
            return "cancelled";
        });

    /// <summary>Adds the form's <c>trials</c> to the study's budget and goes back to its page.</summary>
    public static Task<IResult> ExtendAsync(HttpContext context, IGrainFactory grains, string prefix, string id) =>
        ActAsync(context, grains, prefix, id, async (study, form, ct) =>
        {
            if (!int.TryParse(form["trials"], NumberStyles.None, CultureInfo.InvariantCulture, out var trials) || trials < 1)
            {
                throw new ArgumentException($"trials must be a whole number of trials to add (1 or more), not '{form["trials"]}'.");
            }

            var result = await study.ExtendAsync(trials, ct);
            return result.Accepted ? "extended" : throw new InvalidOperationException("The study was not extended: " + string.Join("; ", result.Errors));
        });

    private static async Task<IResult> ActAsync(
        HttpContext context, IGrainFactory grains, string prefix, string id, Func<IStudyGrain, IFormCollection, CancellationToken, Task<string>> act)
    {
        // The key is checked before the form's token: a read key gets 403 whatever it posts.
        var (user, refused) = await DashboardAccess.CheckAsync(context, DashboardNames.WritePolicy, page: false, prefix);
        if (user is null)
        {
            return refused!;
        }

        var ct = context.RequestAborted;
        var study = grains.GetGrain<IStudyGrain>(id);
        var summary = await study.GetStatusAsync(ct);
        if (summary.Status == StudyStatus.NotFound)
        {
            return DashboardLayout.Error(context, prefix, id, $"No study '{id}'.", user, StatusCodes.Status404NotFound);
        }

        if (!user.MayAccess(summary))
        {
            return DashboardAccess.NotYours(id);
        }

        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return DashboardLayout.Error(context, prefix, id, "The form expired or did not come from this dashboard; reload the study page and try again.", user, StatusCodes.Status400BadRequest);
        }

        try
        {
            var notice = await act(study, await context.Request.ReadFormAsync(ct), ct);
            DashboardLog.StudyChanged(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardEndpoints)), id, notice, user.Owner, user.Scope);
            return Results.Redirect($"{prefix}/studies/{Uri.EscapeDataString(id)}?notice={notice}", permanent: false, preserveMethod: false);
        }
        catch (ArgumentException e)
        {
            return DashboardLayout.Error(context, prefix, id, e.Message, user, StatusCodes.Status400BadRequest);
        }
        catch (InvalidOperationException e)
        {
            return DashboardLayout.Error(context, prefix, id, e.Message, user, StatusCodes.Status409Conflict);
        }
    }
}
