namespace NasOrleans.Client.Commands;

/// <summary>The folder a command writes its plots to: created when missing and checked to be writable up front.</summary>
internal static class PlotDirectory
{
    public static string Prepare(string path, string option)
    {
        try
        {
            var full = Directory.CreateDirectory(path).FullName;
            var probe = Path.Combine(full, $".nas-write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{option} '{path}' is not a folder nas can write to: {ex.Message}", ExitCodes.InvalidInput);
        }
    }
}
