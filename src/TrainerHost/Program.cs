using Microsoft.Extensions.Hosting;
using NasOrleans.Hosting;

// A trainer silo: joins the cluster and runs training slots (--Nas:Silo:TrainerSlots=N, default 1).
using var host = NasSiloHost.Build(args, SiloRole.Trainer, trainerSlotsDefault: 1);
await host.RunAsync();
