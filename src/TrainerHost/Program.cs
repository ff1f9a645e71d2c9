using Microsoft.Extensions.Hosting;
using NasOrleans.Hosting;

// A trainer silo: joins the cluster and runs training slots (--Nas:Silo:TrainerSlots=N, default 1).
if (SlotWorkerEntry.IsWorker(args))
{
    return await SlotWorkerEntry.RunAsync(args);
}

using var host = NasSiloHost.Build(args, SiloRole.Trainer, trainerSlotsDefault: 1);
await host.RunAsync();
return 0;
