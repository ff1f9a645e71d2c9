namespace NasOrleans.Client.Commands;

/// <summary>What the bench commands share: refusing a bad option before any work starts, and their progress lines on stderr.</summary>
internal static class BenchChecks
{
    /// <summary>Throws <paramref name="message"/> as invalid input (exit code 2) unless <paramref name="ok"/>.</summary>
    public static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new CliException(message, ExitCodes.InvalidInput);
        }
    }

    /// <summary>Writes a progress line to stderr unless <paramref name="quiet"/> (JSON output).</summary>
    public static void Log(bool quiet, string line)
    {
        if (!quiet)
        {
            Console.Error.WriteLine(line);
        }
    }
}
