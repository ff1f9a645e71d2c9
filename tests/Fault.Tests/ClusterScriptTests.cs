using System.Diagnostics;

namespace NasOrleans.Fault.Tests;

/// <summary>
/// The pid checks of scripts/cluster/common.sh, which start-silos.sh and start-services.sh use to decide whether a
/// node is already running: a process killed but not reaped (a zombie still answers <c>kill -0</c>) or a pid the
/// kernel reused for another program must not count as the node.
/// </summary>
public partial class ClusterScriptTests
{
    private static string Common => Path.Combine(ChildProcess.RepositoryRoot, "scripts", "cluster", "common.sh");

    [Fact]
    public async Task NasPidAlive_PidFileNamesAKilledProcessItsParentDoesNotReap_SaysNotAlive()
    {
        // The child's parent execs into a sleep that never waits for it, so once SIGKILLed the child stays a zombie.
        var output = await RunAsync("""
            bash -c 'sleep 300 & echo $! >"$0/child.pid"; exec sleep 300' "$work" &
            parent=$!
            trap 'kill -KILL $parent 2>/dev/null || true' EXIT
            for _ in $(seq 1 200); do [ -s "$work/child.pid" ] && break; sleep 0.05; done
            child=$(cat "$work/child.pid")
            echo "$child" >"$work/silo.pid"
            if nas_pid_alive "$work/silo.pid"; then echo before=alive; else echo before=dead; fi
            kill -KILL "$child"
            for _ in $(seq 1 200); do [ "$(cut -d' ' -f3 "/proc/$child/stat")" = Z ] && break; sleep 0.05; done
            echo "state=$(cut -d' ' -f3 "/proc/$child/stat")"
            if kill -0 "$child" 2>/dev/null; then echo kill0=answers; fi
            if nas_pid_alive "$work/silo.pid"; then echo after=alive; else echo after=dead; fi
            """);

        Assert.Contains("before=alive", output);
        Assert.Contains("state=Z", output); // the premise: a zombie, which kill -0 still finds
        Assert.Contains("kill0=answers", output);
        Assert.Contains("after=dead", output);
    }

    [Fact]
    public async Task NasPidAlive_PidReusedByAnotherProcess_SaysNotAlive()
    {
        // The file names a live process (this shell) but with a start time that is not its own: the pid was reused.
        var output = await RunAsync("""
            printf '%s\n%s\n' "$$" 1 >"$work/reused.pid"
            if nas_pid_alive "$work/reused.pid"; then echo reused=alive; else echo reused=dead; fi
            nas_record_pid "$$" "$work/own.pid"
            if nas_pid_alive "$work/own.pid"; then echo own=alive; else echo own=dead; fi
            """);

        Assert.Contains("reused=dead", output);
        Assert.Contains("own=alive", output);
    }

    private static async Task<string> RunAsync(string script)
    {
        var work = Directory.CreateTempSubdirectory("nas-pid-");
        try
        {
            var start = new ProcessStartInfo("bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"set -u\n. \"$0\"\nwork=\"$1\"\n{script}");
            start.ArgumentList.Add(Common);
            start.ArgumentList.Add(work.FullName);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout + await stderr;
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output}");
            return output;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
