using Grpc.Core;
using Grpc.Net.Client;
using NasOrleans.Gateway.Protos;

namespace NasOrleans.Client.Commands;

/// <summary>
/// Ask/tell over gRPC: nasorleans.v1.TrialService on the service's port (HTTP/2; h2c prior knowledge on http://),
/// with the clients generated from the gateway's nas.proto and the key as <c>authorization: Bearer</c> metadata.
/// </summary>
internal sealed class GrpcAskTellTransport : IAskTellTransport
{
    private readonly GrpcChannel _channel;
    private readonly Metadata _headers = [];
    private readonly StudyService.StudyServiceClient _studies;
    private readonly TrialService.TrialServiceClient _trials;

    private GrpcAskTellTransport(GrpcChannel channel, string? apiKey)
    {
        _channel = channel;
        if (apiKey is not null)
        {
            _headers.Add("authorization", "Bearer " + apiKey);
        }

        _studies = new StudyService.StudyServiceClient(channel);
        _trials = new TrialService.TrialServiceClient(channel);
    }

    public string Name => "grpc";

    /// <summary>Opens a channel to <paramref name="server"/> (one HTTP/2 connection per 100 concurrent calls, as the bench's workers need).</summary>
    public static GrpcAskTellTransport Open(string server, string? apiKey)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--server '{server}' is not an http:// or https:// URL; give the service's address as `nas serve` prints it.", ExitCodes.InvalidInput);
        }

        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        return new GrpcAskTellTransport(GrpcChannel.ForAddress(uri, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true }), apiKey);
    }

    public async Task<string> CreateStudyAsync(string spec, CancellationToken cancellationToken) =>
        (await Call(() => _studies.CreateStudyAsync(new CreateStudyRequest { Spec = spec }, _headers, cancellationToken: cancellationToken).ResponseAsync)).StudyId;

    public async Task<(AskTellLease? Lease, bool Done)> SuggestAsync(string studyId, string clientId, CancellationToken cancellationToken)
    {
        var reply = await Call(() => _trials.SuggestTrialsAsync(new SuggestTrialsRequest { StudyId = studyId, ClientId = clientId, Count = 1 }, _headers, cancellationToken: cancellationToken).ResponseAsync);
        return reply.Trials.Count > 0 ? (new AskTellLease(reply.Trials[0].TrialId, reply.Trials[0].LeaseId), reply.StudyDone) : (null, reply.StudyDone);
    }

    public async Task<bool> CompleteAsync(string studyId, AskTellLease lease, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var request = new CompleteTrialRequest { StudyId = studyId, TrialId = lease.TrialId, LeaseId = lease.LeaseId };
        foreach (var (name, value) in metrics)
        {
            request.Metrics[name] = value;
        }

        return (await Call(() => _trials.CompleteTrialAsync(request, _headers, cancellationToken: cancellationToken).ResponseAsync)).Accepted;
    }

    public Task DeleteStudyAsync(string studyId, CancellationToken cancellationToken) =>
        Call(() => _studies.DeleteStudyAsync(new DeleteStudyRequest { StudyId = studyId }, _headers, cancellationToken: cancellationToken).ResponseAsync);

    public ValueTask DisposeAsync()
    {
        _channel.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex)
        {
            throw ex.StatusCode switch
            {
                StatusCode.Unauthenticated => new CliException($"the service at {_channel.Target} refused the call (gRPC Unauthenticated): {ex.Status.Detail}. Give a valid API key in $NAS_API_KEY or --api-key-file FILE.", ExitCodes.Error),
                StatusCode.PermissionDenied => new CliException($"the service at {_channel.Target} refused the call (gRPC PermissionDenied): {ex.Status.Detail}. Use a write key of the study's owner, or an admin key.", ExitCodes.Error),
                StatusCode.NotFound => new CliException(ex.Status.Detail, ExitCodes.NotFound),
                StatusCode.InvalidArgument or StatusCode.FailedPrecondition => new CliException(ex.Status.Detail, ExitCodes.InvalidInput),
                StatusCode.Unavailable => new CliException($"cannot reach the service at {_channel.Target} over gRPC ({ex.Status.Detail}); check --server and that it serves HTTP/2.", ExitCodes.Unavailable),
                _ => new CliException($"the service at {_channel.Target} failed the call (gRPC {ex.StatusCode}): {ex.Status.Detail}", ExitCodes.Error),
            };
        }
    }
}
