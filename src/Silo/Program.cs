using Microsoft.Extensions.Hosting;
using NasOrleans.Hosting;

// A control-plane silo: studies, strategies and the scheduler; no trainer slots unless configured
// (--Nas:Silo:TrainerSlots=N). Clustering and storage come from the Nas:Cluster and Nas:Silo sections.
if (SlotWorkerEntry.IsWorker(args))
{
    return await SlotWorkerEntry.RunAsync(args);
}

using var host = NasSiloHost.Build(args, SiloRole.Control, trainerSlotsDefault: 0);
await host.RunAsync();
return 0;
