namespace NasOrleans.Cluster.Tests;

/// <summary>A grain that says which silo it lives on, and keeps a reminder.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task<string> WhereAsync();

    Task RegisterReminderAsync();

    Task<bool> HasReminderAsync();

    Task UnregisterReminderAsync();
}
