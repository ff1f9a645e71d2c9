using System.Net;
using System.Text.Json;

namespace NasOrleans.Client.Backends.Http;

/// <summary>The service's refusals as CLI errors: its message (google.rpc.Status JSON, or text) and an exit code.</summary>
internal static class HttpErrors
{
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string server, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var message = await MessageAsync(response, cancellationToken);
        var code = (int)response.StatusCode;
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new CliException(
                $"the service at {server} refused the call (401 unauthenticated): {message}. Give a valid API key in $NAS_API_KEY or --api-key-file FILE (`nas serve` writes the admin key to DATA/secrets/admin.key).",
                ExitCodes.Error),
            HttpStatusCode.Forbidden => new CliException(
                $"the service at {server} refused the call (403 permission denied): {message}. A read key cannot change studies, and a key acts only on its owner's studies; use a write key of the study's owner, or an admin key.",
                ExitCodes.Error),
            HttpStatusCode.NotFound => new CliException($"{message} (404 from {server})", ExitCodes.NotFound),
            HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity => new CliException($"{message} ({code} from {server})", ExitCodes.InvalidInput),
            _ when code >= 500 => new CliException($"the service at {server} failed ({code}): {message}", ExitCodes.Unavailable),
            _ => new CliException($"the service at {server} answered {code}: {message}", ExitCodes.Error),
        };
    }

    public static async Task<string> MessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length > 0 && text[0] == '{')
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                foreach (var name in new[] { "message", "detail", "title" })
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } m)
                    {
                        return m;
                    }
                }
            }
            catch (JsonException)
            {
                // not JSON after all: the text below
            }
        }

        return text.Trim() is { Length: > 0 } plain ? plain[..Math.Min(plain.Length, 500)] : response.ReasonPhrase ?? "no message";
    }
}
