namespace NasOrleans.Client.Commands;

/// <summary>Checks an output file's path before a command does its work, so a path that cannot be written is a usage error naming it.</summary>
internal static class OutputFile
{
    public static void EnsureWritable(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{option} {path} is a folder; name the file to write.", ExitCodes.InvalidInput);
        }

        try
        {
            if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            using (File.Open(path + $".nas-write-check-{Environment.ProcessId}", FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }

            File.Delete(path + $".nas-write-check-{Environment.ProcessId}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{option} {path} cannot be written: {ex.Message}", ExitCodes.InvalidInput);
        }
    }
}
