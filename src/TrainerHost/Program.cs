using Microsoft.Extensions.Hosting;
using NasOrleans.Hosting;

// A trainer silo: joins the cluster and runs training slots (--Nas:Silo:TrainerSlots=N, default 1).
// --check-torch: make TorchSharp loadable here and check that it runs (the images run it at build time).
if (TorchCheck.IsRequested(args))
{
    return TorchCheck.Run(Console.Out, Console.Error);
}

if (SlotWorkerEntry.IsWorker(args))
{
    return await SlotWorkerEntry.RunAsync(args);
}

using var host = NasSiloHost.Build(args, SiloRole.Trainer, trainerSlotsDefault: 1);
await host.RunAsync();
return 0;
