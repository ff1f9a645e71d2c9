using Azure.Data.Tables;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Storage.Azure;
using NasOrleans.TestSupport;

namespace NasOrleans.System.Tests;

/// <summary>
/// A whole study on the Azure store while the storage goes away: <c>nas bench throughput --store azure</c> as a real
/// process, its private Azurite stopped by pid once the study has recorded a few hundred completions and started
/// again a second later. Grain state (Blob) and trial rows (Tables) ride it out on the clients' retries; afterwards
/// every trial is there, completed, with exactly one entry in the completion log.
/// </summary>
public sealed class AzureStoreFaultTests
{
    private const int Trials = 3000;

    [Fact]
    public async Task BenchThroughput_AzuriteStoppedMidStudy_EveryTrialCompletedAndRecordedOnce()
    {
        await using var azurite = await AzuriteServer.StartPrivateAsync();
        var file = Path.Combine(Path.GetTempPath(), $"nas-azure-{Guid.NewGuid():N}.conn");
        await File.WriteAllTextAsync(file, azurite.ConnectionString);
        try
        {
            using var bench = NasProcess.Start("bench", "throughput", "--store", "azure", "--azure", "@" + file, "--trials", Trials.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
            var (store, completedAtStop) = await WaitForCompletionsAsync(azurite.ConnectionString, 300, bench);
            await azurite.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            await azurite.StartAgainAsync();

            var code = await bench.WaitAsync(TimeSpan.FromMinutes(3));

            Assert.True(code == 0, bench.Output);
            Assert.InRange(completedAtStop, 300, Trials - 1);
            var study = Assert.Single(await store.ListStudiesAsync()).StudyId;
            var trials = await store.GetAllTrialsAsync(study);
            Assert.Equal(Trials, trials.Count);
            Assert.All(trials, t => Assert.Equal(TrialStatus.Completed, t.Status));
            Assert.Equal(Trials, (await store.GetCompletionsAsync(study)).Count);
            Assert.Empty(await store.GetRecordedTwiceAsync(study));
        }
        finally
        {
            File.Delete(file);
        }
    }

    // The bench's store (its tables have a fresh prefix) once its study has logged at least `count` completions.
    private static async Task<(AzureTrialStore Store, int Completed)> WaitForCompletionsAsync(string connection, int count, NasProcess bench)
    {
        var tables = new TableServiceClient(connection);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        AzureTrialStore? store = null;
        while (true)
        {
            Assert.False(bench.HasExited, "The bench ended before the fault: " + bench.Output);
            if (store is null)
            {
                await foreach (var table in tables.QueryAsync(cancellationToken: deadline.Token))
                {
                    if (table.Name.EndsWith("studies", StringComparison.Ordinal))
                    {
                        store = new AzureTrialStore(new AzureStorageOptions { ConnectionString = connection, TablePrefix = table.Name[..^"studies".Length] });
                    }
                }
            }

            if (store is not null && (await store.ListStudiesAsync(deadline.Token)) is [var study, ..])
            {
                var completed = (await store.GetCompletionsAsync(study.StudyId, deadline.Token)).Count;
                if (completed >= count)
                {
                    return (store, completed);
                }
            }

            await Task.Delay(50, deadline.Token);
        }
    }
}
