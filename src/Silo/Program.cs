using Microsoft.Extensions.Hosting;
using NasOrleans.Hosting;

// A control-plane silo: studies, strategies and the scheduler; no trainer slots unless configured
// (--Nas:Silo:TrainerSlots=N). Clustering and storage come from the Nas:Cluster and Nas:Silo sections.
using var host = NasSiloHost.Build(args, SiloRole.Control, trainerSlotsDefault: 0);
await host.RunAsync();
