namespace NasOrleans.Client;

/// <summary>An error with a message for the user and the exit code it ends with.</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the error.</summary>
    public CliException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>Creates the error.</summary>
    public CliException()
        : this("error", ExitCodes.Error)
    {
    }

    /// <summary>Creates the error.</summary>
    public CliException(string message)
        : this(message, ExitCodes.Error)
    {
    }

    /// <summary>Creates the error.</summary>
    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Error;
    }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }
}
