using System.Net.Sockets;
using Npgsql;

namespace NasOrleans.Storage.Postgres;

/// <summary>
/// Which PostgreSQL failures are worth retrying: the connection broke or could not be made (class 08, refused,
/// reset, I/O errors, timeouts), the server is shutting down or starting (57P01 admin shutdown, 57P02 crash shutdown,
/// 57P03 cannot connect now), too many connections (53300), and the transaction conflicts PostgreSQL itself tells
/// clients to retry (40001 serialization failure, 40P01 deadlock). Anything else (a constraint, a syntax error, a bad
/// value) fails at once.
/// </summary>
public static class PostgresTransientErrors
{
    private static readonly HashSet<string> TransientStates = new(StringComparer.Ordinal)
    {
        "57P01", "57P02", "57P03", "53300", "53000", "53100", "53200", "40001", "40P01",
    };

    /// <summary>Whether <paramref name="exception"/> is transient.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="reason">A short description for logs (the SQLSTATE, or the kind of network failure).</param>
    /// <returns>True when retrying may succeed.</returns>
    public static bool IsTransient(Exception exception, out string reason)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case PostgresException postgres:
                reason = "SQLSTATE " + postgres.SqlState;
                return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || TransientStates.Contains(postgres.SqlState) || postgres.IsTransient;
            case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or EndOfStreamException:
                reason = npgsql.InnerException is { } inner ? inner.GetType().Name + ": " + inner.Message : npgsql.Message;
                return true;
            case SocketException or EndOfStreamException:
                reason = exception.GetType().Name + ": " + exception.Message;
                return true;
            default:
                reason = exception.GetType().Name;
                return false;
        }
    }
}
