using System.Text.Json.Serialization;

namespace NasOrleans.Gateway.Auth;

/// <summary>One key of the keys file: never the key itself, only its SHA-256.</summary>
/// <param name="Id">A name for the key (to find and remove it).</param>
/// <param name="Owner">The owner its studies belong to.</param>
/// <param name="Scope">read, write or admin.</param>
/// <param name="Sha256">The lowercase hex SHA-256 of the key's UTF-8 text.</param>
public sealed record ApiKeyEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("sha256")] string Sha256);
