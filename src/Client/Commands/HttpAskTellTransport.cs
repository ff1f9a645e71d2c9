using System.Net.Http.Json;
using System.Text.Json;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Backends.Http;

namespace NasOrleans.Client.Commands;

/// <summary>Ask/tell over the service's HTTP/JSON routes (JSON transcoding of nasorleans.v1.TrialService).</summary>
internal sealed class HttpAskTellTransport(HttpClient http) : IAskTellTransport
{
    private readonly string _server = http.BaseAddress?.ToString().TrimEnd('/') ?? "the service";

    public string Name => "http";

    public async Task<string> CreateStudyAsync(string spec, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("v1/studies", new { spec }, HttpStudyClient.Json, cancellationToken);
        await HttpErrors.EnsureSuccessAsync(response, _server, cancellationToken);
        var study = await response.Content.ReadFromJsonAsync<HttpStudy>(HttpStudyClient.Json, cancellationToken);
        return study!.StudyId;
    }

    public async Task<(AskTellLease? Lease, bool Done)> SuggestAsync(string studyId, string clientId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"v1/studies/{Uri.EscapeDataString(studyId)}/trials:suggest", new { count = 1, clientId }, HttpStudyClient.Json, cancellationToken);
        await HttpErrors.EnsureSuccessAsync(response, _server, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = document.RootElement;
        var done = root.TryGetProperty("studyDone", out var d) && d.GetBoolean();
        if (root.TryGetProperty("trials", out var trials) && trials.GetArrayLength() > 0)
        {
            var t = trials[0];
            var id = t.GetProperty("trialId");
            var trialId = id.ValueKind == JsonValueKind.String ? long.Parse(id.GetString()!, global::System.Globalization.CultureInfo.InvariantCulture) : id.GetInt64();
            return (new AskTellLease(trialId, t.GetProperty("leaseId").GetString()!), done);
        }

        return (null, done);
    }

    public async Task<bool> CompleteAsync(string studyId, AskTellLease lease, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var path = FormattableString.Invariant($"v1/studies/{Uri.EscapeDataString(studyId)}/trials/{lease.TrialId}:complete");
        using var response = await http.PostAsJsonAsync(path, new { leaseId = lease.LeaseId, metrics }, HttpStudyClient.Json, cancellationToken);
        await HttpErrors.EnsureSuccessAsync(response, _server, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return document.RootElement.TryGetProperty("accepted", out var a) && a.GetBoolean();
    }

    public async Task DeleteStudyAsync(string studyId, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"v1/studies/{Uri.EscapeDataString(studyId)}", cancellationToken);
        await HttpErrors.EnsureSuccessAsync(response, _server, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }
}
