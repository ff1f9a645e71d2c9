using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas report</c> of a weight-sharing study (tunas, mpnas): its tables printed and its PNG plots written, optionally against a second study.</summary>
internal static class SupernetReportCommand
{
    /// <summary>Reads <paramref name="summary"/>'s study (and <paramref name="compareId"/>'s), writes the plots into <paramref name="directory"/> and prints the tables (or JSON).</summary>
    public static async Task<int> RunAsync(IStudyClient client, StudySummary summary, string? compareId, string directory, bool json, CancellationToken cancellationToken)
    {
        var study = await SupernetStudy.LoadAsync(client, summary, cancellationToken);
        SupernetStudy? compare = null;
        if (compareId is not null)
        {
            var other = await client.GetStudyAsync(compareId, cancellationToken)
                ?? throw new CliException($"--compare: no study '{compareId}'. `nas list` shows the studies there are.", ExitCodes.NotFound);
            if (!SupernetStudy.IsWeightSharing(other))
            {
                throw new CliException($"--compare: study {other.StudyId} runs '{other.Algorithm}', not a weight-sharing search (tunas, mpnas); compare it with one of those.", ExitCodes.InvalidInput);
            }

            compare = await SupernetStudy.LoadAsync(client, other, cancellationToken);
        }

        var report = new SupernetReport(study, compare);
        var files = SupernetReportPlots.Write(report, directory);
        if (json)
        {
            JsonOutput.Write(report.Json(files));
            return ExitCodes.Ok;
        }

        Console.Write(SupernetReportTables.Markdown(report));
        Console.WriteLine($"Plots of study {study.StudyId}{(compare is null ? "" : $" against {compare.StudyId}")}:");
        files.ToList().ForEach(file => Console.WriteLine($"  {file}"));
        return ExitCodes.Ok;
    }
}
