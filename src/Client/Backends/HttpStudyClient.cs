using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NasOrleans.Client.Backends.Http;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Client.Backends;

/// <summary>
/// Studies through the NasOrleans service's HTTP/JSON API (<c>--server URL</c>: the gateway's JSON transcoding of
/// nasorleans.v1.StudyService), with the API key as <c>Authorization: Bearer</c>.
/// </summary>
internal sealed class HttpStudyClient : IStudyClient
{
    /// <summary>The JSON of the service: lowerCamelCase names, int64 written as strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly string _server;

    /// <summary>Creates the client over <paramref name="http"/> (its BaseAddress the service; the key in its default headers).</summary>
    public HttpStudyClient(HttpClient http)
    {
        _http = http;
        _server = http.BaseAddress?.ToString().TrimEnd('/') ?? "the service";
    }

    /// <summary>Opens the client for <paramref name="server"/>, the key from <paramref name="apiKeyFile"/> or $NAS_API_KEY.</summary>
    public static HttpStudyClient Open(string server, string? apiKeyFile) => new(CreateHttpClient(server, ServiceApiKey.Read(apiKeyFile)));

    /// <summary>An HttpClient for the service at <paramref name="server"/> presenting <paramref name="apiKey"/> (none when null).</summary>
    public static HttpClient CreateHttpClient(string server, string? apiKey, HttpMessageHandler? handler = null)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--server '{server}' is not an http:// or https:// URL; give the service's address as `nas serve` prints it, e.g. http://127.0.0.1:8080.", ExitCodes.InvalidInput);
        }

        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        http.Timeout = TimeSpan.FromSeconds(100);
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return http;
    }

    /// <inheritdoc />
    public async Task<SubmitResult> SubmitAsync(string specJson, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "v1/studies", new { spec = specJson }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
        {
            return new SubmitResult(false, null, [await HttpErrors.MessageAsync(response, cancellationToken)]);
        }

        return new SubmitResult(true, HttpWireMapping.ToSummary(await ReadAsync<HttpStudy>(response, cancellationToken)), []);
    }

    /// <inheritdoc />
    public async Task<StudySummary?> GetStudyAsync(string studyId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v1/studies/{Escape(studyId)}", null, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : HttpWireMapping.ToSummary(await ReadAsync<HttpStudy>(response, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StudySummary>> ListStudiesAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "v1/studies", null, cancellationToken);
        var list = await ReadAsync<HttpStudyList>(response, cancellationToken);
        return [.. (list.Studies ?? []).Select(HttpWireMapping.ToSummary)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrialRecord>> GetTrialsAsync(string studyId, TrialQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var status = query.Status is { } s ? "&status=" + s.ToString().ToLowerInvariant() : "";
        var path = FormattableString.Invariant($"v1/studies/{Escape(studyId)}/trials?offset={query.Offset}&limit={Math.Clamp(query.Limit, 1, 1000)}&order={HttpWireMapping.Order(query.Order)}{status}");
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        var list = await ReadAsync<HttpTrialList>(response, cancellationToken);
        return [.. (list.Trials ?? []).Select(t => HttpWireMapping.ToRecord(studyId, t))];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialRecord>> GetBestAsync(string studyId, int count, CancellationToken cancellationToken) =>
        GetTrialsAsync(studyId, new TrialQuery(0, count, TrialStatus.Completed, TrialOrder.ByScore), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CurvePoint>> GetCurveAsync(string studyId, long trialId, CancellationToken cancellationToken) => throw NotServed("learning curves");

    /// <inheritdoc />
    public Task<byte[]?> GetArtifactAsync(string studyId, string name, CancellationToken cancellationToken) => throw NotServed("artifacts (final models)");

    /// <inheritdoc />
    public Task<PolicySnapshot> GetPolicyAsync(string studyId, string domain, CancellationToken cancellationToken) => throw NotServed("controller policies");

    /// <inheritdoc />
    public Task<PairedAgentInfo> GetAgentAsync(string studyId, string role, CancellationToken cancellationToken) => throw NotServed("environment-design agents");

    /// <inheritdoc />
    public async Task<SubmitResult> ExtendAsync(string studyId, int trials, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"v1/studies/{Escape(studyId)}:extend", new { trials }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
        {
            return new SubmitResult(false, null, [await HttpErrors.MessageAsync(response, cancellationToken)]);
        }

        return new SubmitResult(true, HttpWireMapping.ToSummary(await ReadAsync<HttpStudy>(response, cancellationToken)), []);
    }

    /// <inheritdoc />
    public async Task<StudySummary> CancelAsync(string studyId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"v1/studies/{Escape(studyId)}:cancel", new { }, cancellationToken);
        return HttpWireMapping.ToSummary(await ReadAsync<HttpStudy>(response, cancellationToken));
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string studyId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"v1/studies/{Escape(studyId)}", null, cancellationToken);
        await HttpErrors.EnsureSuccessAsync(response, _server, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private CliException NotServed(string what) => new(
        $"the service's API ({_server}) does not serve {what}; run this command on the cluster (--gateway, operators) or on the embedded data directory.",
        ExitCodes.InvalidInput);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        try
        {
            return await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach the NasOrleans service at {_server} ({ex.Message}); check --server and that the service runs.", ExitCodes.Unavailable);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"the NasOrleans service at {_server} did not answer in time ({ex.Message}).", ExitCodes.Unavailable);
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await HttpErrors.EnsureSuccessAsync(response, _server, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new CliException($"the service at {_server} answered {response.RequestMessage?.RequestUri?.AbsolutePath} with an empty body.", ExitCodes.Error);
    }
}
