namespace NasOrleans.Client.Backends.Http;

/// <summary>nasorleans.v1.ListStudiesResponse.</summary>
internal sealed record HttpStudyList(IReadOnlyList<HttpStudy>? Studies);
