namespace NasOrleans.Client.Backends.Http;

/// <summary>nasorleans.v1.ListTrialsResponse.</summary>
internal sealed record HttpTrialList(IReadOnlyList<HttpTrial>? Trials, int Total);
