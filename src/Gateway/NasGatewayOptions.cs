using System.ComponentModel.DataAnnotations;

namespace NasOrleans.Gateway;

/// <summary>
/// The gateway service (<c>Nas:Gateway</c>): gRPC and HTTP/JSON for studies and ask/tell on the control silo's HTTP
/// port, behind API keys read from <see cref="ApiKeysFile"/>.
/// </summary>
public sealed class NasGatewayOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Nas:Gateway";

    /// <summary>Serve the gateway (needs <c>Nas:Silo:HttpPort</c>).</summary>
    public bool Enabled { get; set; }

    /// <summary>The JSON keys file (<c>nas keys add --file FILE</c>): each key's owner, scope and SHA-256.</summary>
    public string? ApiKeysFile { get; set; }

    /// <summary>Read calls (get, list) need no key; writes always do.</summary>
    public bool AllowAnonymousRead { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ApiKeysFile))
        {
            yield return new ValidationResult(
                "ApiKeysFile is required when the gateway is enabled: set Nas:Gateway:ApiKeysFile (environment Nas__Gateway__ApiKeysFile) to a keys file made with `nas keys add --file FILE --owner admin --scope admin`.",
                [nameof(ApiKeysFile)]);
        }
        else if (!File.Exists(ApiKeysFile))
        {
            yield return new ValidationResult(
                $"the keys file {Path.GetFullPath(ApiKeysFile)} (Nas:Gateway:ApiKeysFile) does not exist; create it with `nas keys add --file {ApiKeysFile} --owner admin --scope admin`, or fix the path.",
                [nameof(ApiKeysFile)]);
        }
    }
}
