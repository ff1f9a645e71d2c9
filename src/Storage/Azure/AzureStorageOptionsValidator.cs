using Microsoft.Extensions.Options;

namespace NasOrleans.Storage.Azure;

/// <summary>Validates <see cref="AzureStorageOptions"/> when they are resolved (reports every problem at once).</summary>
public sealed class AzureStorageOptionsValidator : IValidateOptions<AzureStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AzureStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
