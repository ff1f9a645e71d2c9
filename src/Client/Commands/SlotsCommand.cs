using System.CommandLine;
using System.Globalization;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Scheduling;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas slots</c>: the trainer slots the cluster's scheduler hears from, their devices and the trials they train.</summary>
internal static class SlotsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("slots", "List the trainer slots the scheduler heard from recently (needs --gateway): device, last heartbeat or pull, trials held.");
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            if (settings.Gateway is null || settings.Server is not null)
            {
                throw new CliException("nas slots shows a running cluster's scheduler: pass --gateway host:port (slots are not stored, so there is nothing to read from a data directory).", ExitCodes.InvalidInput);
            }

            await using var client = await StudyClientFactory.OpenAsync(settings, ct);
            var grains = ((GrainStudyClient)client).Grains;
            var slots = await ReadAsync(grains, await grains.GetGrain<IStudyCatalogGrain>(0).GetSchedulerShardsAsync(), ct);
            if (settings.Json)
            {
                JsonOutput.Write(new { slots = slots.Select(s => new { slot = s.Slot.SlotId, silo = s.Slot.Silo, device = s.Slot.Device, threads = s.Slot.Threads, last_seen = s.LastSeen, trials = s.Trials }).ToList() });
            }
            else if (slots.Count == 0)
            {
                Console.WriteLine("No trainer slot has pulled work recently: start a trainer silo (scripts/cluster/start-trainer.sh).");
            }
            else
            {
                foreach (var s in slots)
                {
                    var trials = s.Trials.Count == 0 ? "idle" : string.Join(", ", s.Trials);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Slot.SlotId}  {s.Slot.Device} ({s.Slot.Threads} threads)  seen {s.LastSeen:HH:mm:ss}  {trials}"));
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The slots every shard heard from, merged by slot (latest sighting, all trials).</summary>
    public static async Task<IReadOnlyList<SlotView>> ReadAsync(IGrainFactory grains, int shards, CancellationToken cancellationToken)
    {
        var views = await Task.WhenAll(Enumerable.Range(0, shards).Select(i => grains.GetGrain<ISchedulerGrain>(i).GetSlotsAsync(cancellationToken)));
        return [.. views.SelectMany(v => v)
            .GroupBy(v => v.Slot.SlotId, StringComparer.Ordinal)
            .Select(g => new SlotView(g.First().Slot, g.Max(v => v.LastSeen), [.. g.SelectMany(v => v.Trials).Order(StringComparer.Ordinal)]))
            .OrderBy(v => v.Slot.SlotId, StringComparer.Ordinal)];
    }
}
