using System.ComponentModel;
using System.Diagnostics;

namespace NasOrleans.Deploy.Tests.Support;

/// <summary>Runs a command-line tool to its end and returns its exit code and output.</summary>
public static class ToolProcess
{
    /// <summary>The result of one run.</summary>
    /// <param name="ExitCode">The exit code.</param>
    /// <param name="StandardOutput">What it wrote to stdout.</param>
    /// <param name="StandardError">What it wrote to stderr.</param>
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs <paramref name="tool"/>; a missing tool throws with <paramref name="whenMissing"/> as the message.</summary>
    public static Result Run(string tool, IEnumerable<string> arguments, string whenMissing, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(whenMissing);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(whenMissing, e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} {string.Join(' ', start.ArgumentList)} ran past {timeout}.");
            }

            process.WaitForExit();
            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
