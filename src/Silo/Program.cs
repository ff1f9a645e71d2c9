using Microsoft.Extensions.Hosting;
using NasOrleans.Hosting;

// A control-plane silo: studies, strategies and the scheduler; no trainer slots unless configured
// (--Nas:Silo:TrainerSlots=N). Clustering and storage come from the Nas:Cluster and Nas:Silo sections.
// --check-torch: make TorchSharp loadable here and check that it runs (the images run it at build time).
if (TorchCheck.IsRequested(args))
{
    return TorchCheck.Run(Console.Out, Console.Error);
}

if (SlotWorkerEntry.IsWorker(args))
{
    return await SlotWorkerEntry.RunAsync(args);
}

using var host = NasSiloHost.Build(args, SiloRole.Control, trainerSlotsDefault: 0);
await host.RunAsync();
return 0;
