using System.Globalization;
using Microsoft.AspNetCore.Http;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Dashboard;

/// <summary>
/// Which page of the trials table a study page shows, from its query string: <c>offset</c> (rows skipped),
/// <c>order</c> (<c>id</c> or <c>best</c>) and <c>status</c> (a trial status or <c>all</c>).
/// </summary>
internal sealed record TrialsView(int Offset, TrialOrder Order, TrialStatus? Status)
{
    /// <summary>The view of the request, or the problem with its query string (naming the fix).</summary>
    public static (TrialsView? View, string? Error) Parse(IQueryCollection query)
    {
        var offset = 0;
        if (query["offset"].ToString() is { Length: > 0 } o && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return (null, $"offset must be a whole number of rows to skip (0 or more), not '{o}'.");
        }

        var order = query["order"].ToString() switch
        {
            "" or "id" => TrialOrder.ById,
            "best" => TrialOrder.ByScore,
            var other => (TrialOrder?)null,
        };
        if (order is null)
        {
            return (null, $"order must be 'id' or 'best', not '{query["order"]}'.");
        }

        TrialStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } s && s != "all")
        {
            if (!Enum.TryParse<TrialStatus>(s, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(s, out _))
            {
                return (null, $"status must be all or one of {string.Join(", ", Statuses)}, not '{s}'.");
            }

            status = parsed;
        }

        // The store ranks completed trials only; another status with order=best would show an empty table.
        return (new TrialsView(offset, order.Value, order == TrialOrder.ByScore ? TrialStatus.Completed : status), null);
    }

    /// <summary>The trial statuses a filter can name, in lower case.</summary>
    public static IEnumerable<string> Statuses => Enum.GetValues<TrialStatus>().Select(v => v.ToString().ToLowerInvariant());

    /// <summary>The store query of this view's page, one row more than shown to learn whether a next page exists.</summary>
    public TrialQuery Query => new(Offset, DashboardNames.TrialsPageSize + 1, Status, Order);

    /// <summary>The order's query value.</summary>
    public string OrderText => Order == TrialOrder.ByScore ? "best" : "id";

    /// <summary>The status filter's query value.</summary>
    public string StatusText => Status?.ToString().ToLowerInvariant() ?? "all";

    /// <summary>The study page's address showing this view at <paramref name="offset"/> (HTML-encoded, for an href).</summary>
    public string Link(string prefix, string studyId, int offset) =>
        Html.E($"{prefix}/studies/{Uri.EscapeDataString(studyId)}?order={OrderText}&status={StatusText}&offset={offset.ToString(CultureInfo.InvariantCulture)}#trials");
}
