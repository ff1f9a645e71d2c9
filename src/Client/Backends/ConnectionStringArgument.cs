namespace NasOrleans.Client.Backends;

/// <summary>
/// The value of a connection-string option (<c>--postgres</c>, <c>--azure</c>) without putting a secret on the command
/// line, where <c>ps</c> shows it: <c>@FILE</c> reads it from a file (surrounding whitespace trimmed), no option takes
/// it from an environment variable (NAS_POSTGRES, NAS_AZURE), and a plain value is taken as it is.
/// </summary>
internal static class ConnectionStringArgument
{
    /// <summary>The connection string <paramref name="value"/> stands for, or null when neither it nor the variable is set.</summary>
    /// <param name="value">The option's value: a connection string, <c>@FILE</c>, or null.</param>
    /// <param name="option">The option's name, for messages (e.g. <c>--azure</c>).</param>
    /// <param name="environmentVariable">The variable read when the option is not given.</param>
    /// <returns>The connection string, or null.</returns>
    /// <exception cref="CliException">The file cannot be read or is empty.</exception>
    public static string? Resolve(string? value, string option, string environmentVariable)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim() : null;
        }

        if (!value.StartsWith('@'))
        {
            return value;
        }

        var path = value[1..];
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliException(
                $"{option} {value}: cannot read the file {path} ({ex.Message}). Write the connection string into that file (readable by you only: chmod 600), or set {environmentVariable} instead.",
                ExitCodes.InvalidInput);
        }

        return text.Length > 0
            ? text
            : throw new CliException($"{option} {value}: the file {path} is empty; write the connection string into it.", ExitCodes.InvalidInput);
    }

    /// <summary>As <see cref="Resolve"/>, but a missing value is an error that says how to give one.</summary>
    /// <param name="value">The option's value: a connection string, <c>@FILE</c>, or null.</param>
    /// <param name="option">The option's name (e.g. <c>--azure</c>).</param>
    /// <param name="environmentVariable">The variable read when the option is not given.</param>
    /// <param name="needer">What needs it, for the message (e.g. <c>--store azure</c>).</param>
    /// <returns>The connection string.</returns>
    /// <exception cref="CliException">None is given, or the file cannot be read.</exception>
    public static string Require(string? value, string option, string environmentVariable, string needer) =>
        Resolve(value, option, environmentVariable)
        ?? throw new CliException(
            $"{needer} needs a connection string: set {environmentVariable}, or pass {option} @FILE with a file that holds it ({option} CONN works too, but shows it in ps).",
            ExitCodes.InvalidInput);
}
