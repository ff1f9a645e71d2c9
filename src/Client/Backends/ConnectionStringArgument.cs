namespace NasOrleans.Client.Backends;

/// <summary>
/// Reads a connection string given to a flag such as <c>--postgres</c> or <c>--azure</c> without putting its password
/// on the command line (where every local user sees it in <c>ps</c>): <c>@FILE</c> reads the file (trimmed), and an
/// absent flag falls back to an environment variable (<see cref="PostgresVariable"/>, <see cref="AzureVariable"/>).
/// A literal value still works, for strings without secrets.
/// </summary>
public static class ConnectionStringArgument
{
    /// <summary>The environment variable <c>--postgres</c> falls back to.</summary>
    public const string PostgresVariable = "NAS_POSTGRES";

    /// <summary>The environment variable <c>--azure</c> falls back to.</summary>
    public const string AzureVariable = "NAS_AZURE";

    /// <summary>
    /// The connection string <paramref name="value"/> stands for: the contents of FILE (trimmed) for <c>@FILE</c>;
    /// <paramref name="value"/> itself otherwise; and when it is null or empty, the environment variable
    /// <paramref name="environmentVariable"/> (trimmed), or null when that is unset too.
    /// </summary>
    /// <param name="value">What the flag was given, or null when it was absent.</param>
    /// <param name="option">The flag's name (e.g. <c>--postgres</c>), for messages.</param>
    /// <param name="environmentVariable">The variable to fall back to (e.g. <see cref="PostgresVariable"/>).</param>
    /// <returns>The connection string, or null when none was given.</returns>
    /// <exception cref="CliException">The file cannot be read or is empty (exit code InvalidInput).</exception>
    public static string? Resolve(string? value, string option, string environmentVariable)
    {
        ArgumentException.ThrowIfNullOrEmpty(option);
        ArgumentException.ThrowIfNullOrEmpty(environmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return Environment.GetEnvironmentVariable(environmentVariable) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment)
                ? fromEnvironment.Trim()
                : null;
        }

        if (!value.StartsWith('@'))
        {
            return value;
        }

        var file = value[1..];
        string text;
        try
        {
            text = File.ReadAllText(file).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException(
                $"{option} @{file}: the file cannot be read ({ex.Message}). Give a readable file holding the connection string, or set {environmentVariable}.",
                ExitCodes.InvalidInput);
        }

        return text.Length > 0
            ? text
            : throw new CliException($"{option} @{file}: the file is empty. Write the connection string into it, or set {environmentVariable}.", ExitCodes.InvalidInput);
    }

    /// <summary>The help text of such a flag: what it is for, then how to give it without a password on the command line.</summary>
    /// <param name="what">What the connection string is for.</param>
    /// <param name="environmentVariable">The variable the flag falls back to.</param>
    /// <returns>The description.</returns>
    public static string Describe(string what, string environmentVariable) =>
        $"{what} Give @FILE to read it from a file (keeps the password off the command line), or leave the flag out to use ${environmentVariable}.";

    /// <summary>As <see cref="Resolve"/>, but a missing value is an error that says how to give one.</summary>
    /// <param name="value">What the flag was given, or null when it was absent.</param>
    /// <param name="option">The flag's name (e.g. <c>--azure</c>).</param>
    /// <param name="environmentVariable">The variable to fall back to (e.g. <see cref="AzureVariable"/>).</param>
    /// <param name="needer">What needs it, for the message (e.g. <c>--store azure</c>).</param>
    /// <returns>The connection string.</returns>
    /// <exception cref="CliException">None is given, or the file cannot be read (exit code InvalidInput).</exception>
    public static string Require(string? value, string option, string environmentVariable, string needer) =>
        Resolve(value, option, environmentVariable)
        ?? throw new CliException(
            $"{needer} needs a connection string: set {environmentVariable}, or pass {option} @FILE with a file that holds it ({option} CONN works too, but shows it in ps).",
            ExitCodes.InvalidInput);
}
