using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace NasOrleans.Dashboard;

/// <summary>The dashboard's script, style sheet and vendored uPlot, served from the assembly's embedded resources.</summary>
internal static class DashboardAssets
{
    private static readonly Assembly Assembly = typeof(DashboardAssets).Assembly;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".md"] = "text/plain; charset=utf-8",
        [".LICENSE"] = "text/plain; charset=utf-8",
    };

    /// <summary>The asset at <paramref name="path"/> (such as <c>vendor/uPlot.iife.min.js</c>), or 404.</summary>
    public static IResult Serve(HttpContext context, string path)
    {
        var stream = path.Contains("..", StringComparison.Ordinal) ? null : Assembly.GetManifestResourceStream("dashboard/" + path);
        if (stream is null || !ContentTypes.TryGetValue(Path.GetExtension(path), out var type))
        {
            stream?.Dispose();
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(stream, type);
    }
}
