namespace NasOrleans.Client.Backends;

/// <summary>The options every command shares.</summary>
internal sealed record CommonSettings(string DataDirectory, string? SharedDirectory, string? Gateway, bool Json);
