namespace NasOrleans.Client.Commands;

/// <summary>Ask/tell over gRPC (nasorleans.v1.TrialService on the service's port, HTTP/2).</summary>
internal static class GrpcAskTellTransport
{
    /// <summary>Opens the gRPC transport; not built yet: the client-side proto lands with the gateway's project.</summary>
    public static IAskTellTransport Open(string server, string? apiKey) =>
        throw new CliException($"--transport grpc is not available in this build; use --transport http against {server} (the key {(apiKey is null ? "is missing" : "is set")}).", ExitCodes.InvalidInput);
}
