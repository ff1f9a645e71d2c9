using System.CommandLine;
using NasOrleans.Client.Output;
using NasOrleans.Core.Specs;

namespace NasOrleans.Client.Commands;

/// <summary>
/// The one place that turns errors into exit codes and messages. The rule for every command: the message goes to
/// stderr; with <c>--json</c>, stdout also gets one object <c>{"error": {"code", "kind", "message"}}</c>.
/// </summary>
internal static class CommandRunner
{
    private static readonly AsyncLocal<bool> Json = new();

    /// <summary>Runs the parsed command line: a usage error (unknown command or option, bad value) is exit 2.</summary>
    public static async Task<int> InvokeAsync(ParseResult parse, GlobalOptions global, InvocationConfiguration configuration)
    {
        Json.Value = parse.GetValue(global.Json);
        if (parse.Errors.Count == 0)
        {
            return await parse.InvokeAsync(configuration);
        }

        var message = string.Join("\n", parse.Errors.Select(e => e.Message));
        await FailAsync(ExitCodes.InvalidInput, "usage", message + "\nSee `nas --help` or `nas <command> --help`.");
        return ExitCodes.InvalidInput;
    }

    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliException ex)
        {
            return await FailAsync(ex.ExitCode, null, ex.Message);
        }
        catch (SpecValidationException ex)
        {
            return await FailAsync(ExitCodes.InvalidInput, null, $"the spec is invalid; nothing was stored:\n{ex.Message}");
        }
        catch (Exception ex) when (ex is Orleans.Runtime.OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException)
        {
            return await FailAsync(ExitCodes.Unavailable, null, $"lost the connection to the cluster ({ex.Message}). The silo may have stopped; run the command again once it is up.");
        }
        catch (OperationCanceledException)
        {
            return await FailAsync(ExitCodes.Interrupted, null, "interrupted");
        }
        catch (UnauthorizedAccessException ex) when (ex.Message.Contains("cluster key", StringComparison.Ordinal))
        {
            return await FailAsync(ExitCodes.Unavailable, null, ex.Message);
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync(ex.ToString());
            return await FailAsync(ExitCodes.Error, null, $"unexpected error: {ex.Message}");
        }
    }

    /// <summary>The <c>kind</c> of an exit code in the JSON error object.</summary>
    public static string Kind(int code) => code switch
    {
        ExitCodes.InvalidInput => "invalid_input",
        ExitCodes.StudyNotCompleted => "not_completed",
        ExitCodes.NotFound => "not_found",
        ExitCodes.Unavailable => "unavailable",
        ExitCodes.Interrupted => "interrupted",
        _ => "error",
    };

    private static async Task<int> FailAsync(int code, string? kind, string message)
    {
        await Console.Error.WriteLineAsync($"nas: {message}");
        if (Json.Value)
        {
            JsonOutput.Write(new { error = new { code, kind = kind ?? Kind(code), message } });
        }

        return code;
    }
}
