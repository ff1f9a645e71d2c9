using System.Diagnostics;
using System.Text;

namespace NasOrleans.System.Tests;

/// <summary>Runs the built <c>nas</c> executable as a real child process.</summary>
internal sealed class NasProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private NasProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data, _stdout);
        _process.ErrorDataReceived += (_, e) => Append(e.Data, _stderr);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

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

    /// <summary>What nas wrote to stdout alone.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_output)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>What nas wrote to stderr alone.</summary>
    public string StandardError
    {
        get
        {
            lock (_output)
            {
                return _stderr.ToString();
            }
        }
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The nas.dll built beside the test's configuration (Debug or Release).</summary>
    public static string NasDll
    {
        get
        {
            var root = RepositoryRoot;
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(root, "src", "Client", "bin", configuration, "net10.0", "nas.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.");
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

    public static NasProcess Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    /// <summary>Starts nas with <paramref name="environment"/> added to this process's (how secrets reach it).</summary>
    public static NasProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        // A connection string or password on a command line is visible to every local user (ps, /proc/PID/cmdline): pass it by environment.
        if (arguments.FirstOrDefault(a => a.Contains("ConnectionString=", StringComparison.OrdinalIgnoreCase) || a.Contains("password=", StringComparison.OrdinalIgnoreCase)) is { } secret)
        {
            throw new ArgumentException($"'{secret.Split('=')[0]}=...' would put a secret on the command line; pass it by environment (Nas__Silo__PostgresConnectionString, Nas__Cluster__RedisConnectionString).", nameof(arguments));
        }

        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(NasDll);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new NasProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs nas to the end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        using var process = Start(arguments);
        var code = await process.WaitAsync(timeout);
        return (code, process.Output);
    }

    /// <summary>Runs nas to the end and returns its exit code, stdout and stderr apart.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunApartAsync(TimeSpan timeout, params string[] arguments) =>
        RunApartAsync(timeout, new Dictionary<string, string>(), arguments);

    /// <summary>Runs nas with <paramref name="environment"/> added to the end and returns its exit code, stdout and stderr apart.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunApartAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        var code = await process.WaitAsync(timeout);
        return (code, process.StandardOutput, process.StandardError);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"nas did not finish within {timeout}. Output:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line, StringBuilder stream)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            stream.AppendLine(line);
        }
    }
}
