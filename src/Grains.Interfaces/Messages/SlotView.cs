namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>A trainer slot the scheduler heard from recently: when, and the trials it holds leases for.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="LastSeen">Its last pull or heartbeat.</param>
/// <param name="Trials">The trials it holds leases for, as <c>study/trial</c>.</param>
[GenerateSerializer, Immutable]
[Alias("nas.SlotView")]
public sealed record SlotView(
    [property: Id(0)] SlotInfo Slot,
    [property: Id(1)] DateTimeOffset LastSeen,
    [property: Id(2)] IReadOnlyList<string> Trials);
