using Microsoft.Extensions.Options;

namespace NasOrleans.Storage.Sqlite;

/// <summary>Validates <see cref="SqliteStorageOptions"/> when they are resolved (reports every problem at once).</summary>
public sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
