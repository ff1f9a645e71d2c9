using NasOrleans.Core.Specs;

namespace NasOrleans.Client.Commands;

/// <summary>Runs a command body and turns known errors into messages on stderr and exit codes.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync($"nas: {ex.Message}");
            return ex.ExitCode;
        }
        catch (SpecValidationException ex)
        {
            await Console.Error.WriteLineAsync($"nas: the spec is invalid; nothing was stored:\n{ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is Orleans.Runtime.OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException)
        {
            await Console.Error.WriteLineAsync($"nas: lost the connection to the cluster ({ex.Message}). The silo may have stopped; run the command again once it is up.");
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("nas: interrupted");
            return ExitCodes.Interrupted;
        }
    }
}
