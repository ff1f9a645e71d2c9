namespace NasOrleans.Client.Backends;

/// <summary>The API key for <c>--server</c>: the file <c>--api-key-file</c>, else $NAS_API_KEY. Never a command-line value.</summary>
internal static class ServiceApiKey
{
    /// <summary>The environment variable holding the key.</summary>
    public const string Variable = "NAS_API_KEY";

    /// <summary>The key, or null when none is given (the service then answers 401 on every call that needs one).</summary>
    public static string? Read(string? apiKeyFile)
    {
        if (apiKeyFile is not null)
        {
            if (!File.Exists(apiKeyFile))
            {
                throw new CliException($"--api-key-file {apiKeyFile} does not exist; give the file that holds the API key (`nas serve` writes the admin key to DATA/secrets/admin.key).", ExitCodes.InvalidInput);
            }

            var text = File.ReadAllText(apiKeyFile).Trim();
            return text.Length > 0 ? text : throw new CliException($"--api-key-file {apiKeyFile} is empty; it must hold the API key.", ExitCodes.InvalidInput);
        }

        return Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } key ? key.Trim() : null;
    }
}
