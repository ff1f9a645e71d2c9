using Microsoft.Extensions.Options;

namespace NasOrleans.Storage.Postgres;

/// <summary>Validates <see cref="PostgresStorageOptions"/> when they are resolved (reports every problem at once).</summary>
public sealed class PostgresStorageOptionsValidator : IValidateOptions<PostgresStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgresStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
