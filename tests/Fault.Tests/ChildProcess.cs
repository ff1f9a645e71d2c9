using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NasOrleans.Fault.Tests;

/// <summary>A built .NET host (a silo or the <c>nas</c> client) run as a real child process, stopped by its pid.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NasOrleans.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("NasOrleans.sln not found above the test assembly.");
        }
    }

    /// <summary>The dll built beside the test's configuration (Debug or Release), e.g. src/Silo, nas-silo.dll.</summary>
    public static string BuiltDll(string project, string dll)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepositoryRoot, "src", project, "bin", configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.");
    }

    public static ChildProcess Start(string name, string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        // A connection string or password on a command line is visible to every local user (ps, /proc/PID/cmdline): pass it by environment.
        if (arguments.FirstOrDefault(a => a.Contains("ConnectionString=", StringComparison.OrdinalIgnoreCase) || a.Contains("password=", StringComparison.OrdinalIgnoreCase)) is { } secret)
        {
            throw new ArgumentException($"'{secret.Split('=')[0]}=...' would put a secret on the command line; pass it by environment (Nas__Silo__PostgresConnectionString, Nas__Cluster__RedisConnectionString).", nameof(arguments));
        }

        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(dll);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new ChildProcess(name, Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; fails when the process exits first or time runs out.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout) => WaitForAnyOutputAsync([text], timeout);

    /// <summary>
    /// Waits until the output (from character <paramref name="from"/> on: what was printed after an event) contains one
    /// of <paramref name="texts"/>; fails when the process exits first or time runs out.
    /// </summary>
    public async Task WaitForAnyOutputAsync(string[] texts, TimeSpan timeout, int from = 0)
    {
        var text = string.Join("' or '", texts);
        var deadline = DateTime.UtcNow + timeout;
        while (!texts.Any(t => Output.IndexOf(t, from, StringComparison.Ordinal) >= 0))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before printing '{text}'. Output:\n{Tail()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not print '{text}' within {timeout}. Output:\n{Tail()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Sends a signal by pid (kill -SIGNAL PID).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>Waits for the exit; returns the exit code, or null when it had not exited within the timeout.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public string Tail(int chars = 6000)
    {
        var output = Output;
        return output.Length <= chars ? output : output[^chars..];
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
