namespace NasOrleans.Client.Commands;

/// <summary>The calls <c>nas bench asktell</c> makes of the service, over one transport (HTTP/JSON or gRPC).</summary>
internal interface IAskTellTransport : IAsyncDisposable
{
    /// <summary>The transport's name as the bench prints it.</summary>
    string Name { get; }

    /// <summary>Creates a study from its spec text; returns its id.</summary>
    Task<string> CreateStudyAsync(string spec, CancellationToken cancellationToken);

    /// <summary>Asks for one trial as <paramref name="clientId"/>: the lease (null when none is queued now), and whether the study is done.</summary>
    Task<(AskTellLease? Lease, bool Done)> SuggestAsync(string studyId, string clientId, CancellationToken cancellationToken);

    /// <summary>Tells the trial's result; true when accepted.</summary>
    Task<bool> CompleteAsync(string studyId, AskTellLease lease, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken);

    /// <summary>Deletes the study.</summary>
    Task DeleteStudyAsync(string studyId, CancellationToken cancellationToken);
}
