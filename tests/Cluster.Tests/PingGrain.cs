using Orleans.Placement;

namespace NasOrleans.Cluster.Tests;

/// <summary>Activated on the silo of the caller that first calls it (so a test can choose the silo).</summary>
[PreferLocalPlacement]
public sealed class PingGrain(ILocalSiloDetails silo) : Grain, IPingGrain, IRemindable
{
    private const string ReminderName = "tick";

    public Task<string> WhereAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());

    public Task RegisterReminderAsync() => this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));

    public async Task<bool> HasReminderAsync() => await this.GetReminder(ReminderName) is not null;

    public async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
