using System.Text.Json;
using Xunit.Abstractions;

namespace NasOrleans.Fault.Tests;

/// <summary>
/// A controller (the policy of a REINFORCE study) on real silo processes: SIGKILLed with its host mid-study and again
/// after the study ended, it comes back from the Postgres store with the parameters it had persisted.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ControllerFaultTests(ServersFixture servers, ITestOutputHelper output)
{
    private static readonly string[] FaultTimings = ["--Nas:Scheduler:LeaseTimeout=00:00:05", "--Nas:Silo:HeartbeatInterval=00:00:01"];

    [Fact]
    public async Task SigkillControllerHost_MidStudyAndAfter_PolicyResumesFromThePersistedParameters()
    {
        const string study = "kill-controller";
        const int budget = 30;
        await using var cluster = new FaultCluster(servers, output, "kill-controller", FaultTimings);
        // Only control A exists when the study is submitted, so the study and its controller live on A.
        var (hostA, gatewayA) = await cluster.StartControlAsync("control-a");
        await cluster.StartTrainerAsync("trainer-a", "--Nas:Silo:TrainerSlots=2");
        await cluster.SubmitAsync(study, budget, parallel: 2, durationMs: 300, gatewayA, algorithm: "reinforce");
        var (hostB, gatewayB) = await cluster.StartControlAsync("control-b");
        await cluster.WaitForCompletedAsync(study, 6, TimeSpan.FromSeconds(60));

        hostA.Kill();
        output.WriteLine($"SIGKILLed control-a after {await cluster.CompletedTrainedAsync(study)} completions");
        await hostB.WaitForAnyOutputAsync(["Evicting '", "Status=Dead"], TimeSpan.FromSeconds(30));
        var (code, shown) = await cluster.ShowAsync(study, gatewayB);
        Assert.True(code == 0, shown);
        var summary = await cluster.WaitForStudyCompletedAsync(study, TimeSpan.FromSeconds(90));
        await cluster.AssertExactlyBudgetAsync(study, budget, summary);

        // REINFORCE makes one update per scored trial: none was lost or applied twice across the kill.
        var before = await PolicyAsync(cluster, study, gatewayB);
        Assert.Equal(summary.Completed + summary.Cached, before.GetProperty("updates").GetInt32());

        // A fresh control silo joins, then the controller's host dies too: C must reactivate the controller from the store.
        var (hostC, gatewayC) = await cluster.StartControlAsync("control-c");
        var seen = hostC.Output.Length;
        hostB.Kill();
        await hostC.WaitForAnyOutputAsync(["Evicting '", "Status=Dead"], TimeSpan.FromSeconds(30), seen);
        var after = await PolicyAsync(cluster, study, gatewayC);

        Assert.Equal(Doubles(before, "logits"), Doubles(after, "logits"));
        Assert.Equal(before.GetProperty("updates").GetInt32(), after.GetProperty("updates").GetInt32());
        Assert.Equal(before.GetProperty("baseline").GetDouble(), after.GetProperty("baseline").GetDouble());
        Assert.Contains(Doubles(after, "logits"), l => l != 0);
    }

    private static async Task<JsonElement> PolicyAsync(FaultCluster cluster, string study, string gateway)
    {
        var (code, output) = await cluster.ShowAsync(study, gateway, "--policy");
        Assert.True(code == 0, $"{output}\n{cluster.Logs()}");
        using var document = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        return document.RootElement.GetProperty("policy").Clone();
    }

    private static double[] Doubles(JsonElement policy, string name) => [.. policy.GetProperty(name).EnumerateArray().Select(e => e.GetDouble())];
}
