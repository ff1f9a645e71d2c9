namespace NasOrleans.Hosting;

/// <summary>A slot's device (<c>cpu</c> or <c>cuda:N</c>) and its CPU thread budget.</summary>
public sealed record SlotDevice(string Device, int Threads);
