using System.Diagnostics;
using System.Text.Json;

namespace NasOrleans.Client.Embedded;

/// <summary>What a running embedded silo writes into its data directory: its process id and gateway port.</summary>
internal sealed record RunnerInfo(int ProcessId, int GatewayPort)
{
    public const string FileName = "runner.json";

    /// <summary>The live runner of a data directory, or null when none is running.</summary>
    public static RunnerInfo? FindLive(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            var info = JsonSerializer.Deserialize<RunnerInfo>(File.ReadAllText(path));
            if (info is null || info.ProcessId == Environment.ProcessId)
            {
                return null;
            }

            using var process = Process.GetProcessById(info.ProcessId);
            return process.HasExited ? null : info;
        }
        catch (Exception ex) when (ex is IOException or JsonException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the file whole or not at all (a temporary file renamed over it): a process that finds the file while it is
    /// being written would otherwise read it empty, and a second <c>nas</c> would take the silo for dead.
    /// </summary>
    public void Write(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var temporary = Path.Combine(dataDirectory, $"{FileName}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(this));
        File.Move(temporary, path, overwrite: true);
    }

    public static void Remove(string dataDirectory)
    {
        try
        {
            File.Delete(Path.Combine(dataDirectory, FileName));
        }
        catch (IOException)
        {
        }
    }
}
