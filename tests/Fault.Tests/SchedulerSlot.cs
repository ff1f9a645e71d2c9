namespace NasOrleans.Fault.Tests;

/// <summary>A slot as <c>nas slots --json</c> shows it: id, silo, last pull or heartbeat, trials held.</summary>
internal sealed record SchedulerSlot(string Slot, string Silo, DateTimeOffset LastSeen, IReadOnlyList<string> Trials);
