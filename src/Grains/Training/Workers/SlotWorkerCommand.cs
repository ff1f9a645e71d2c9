namespace NasOrleans.Grains.Training.Workers;

/// <summary>How to start a slot's worker process: the executable and its arguments.</summary>
/// <param name="FileName">The executable (the silo's own host, or <c>dotnet</c>).</param>
/// <param name="Arguments">Its arguments (the host's assembly when run by <c>dotnet</c>, then the worker verb and its options).</param>
public sealed record SlotWorkerCommand(string FileName, IReadOnlyList<string> Arguments);
