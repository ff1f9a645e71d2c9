using NasOrleans.Grains.Controllers;
using NasOrleans.Grains.Population;
using NasOrleans.Grains.Scheduling;
using NasOrleans.Grains.Studies;
using Orleans.Configuration;

namespace NasOrleans.Hosting;

/// <summary>Removes from a silo the grain classes its role must not host, so Orleans places them on other silos only.</summary>
internal static class SiloRoleGrains
{
    private static readonly Type[] ControlGrains = [typeof(StudyGrain), typeof(PopulationGrain), typeof(ControllerGrain), typeof(SchedulerGrain), typeof(StudyCatalogGrain), typeof(Grains.Paired.PairedAgentGrain)];

    public static void Apply(GrainTypeOptions options, SiloRole role)
    {
        // Trainer slots are not grains (they are owned by the silo's lifecycle), so a control silo has nothing to remove.
        if (role == SiloRole.Trainer)
        {
            foreach (var type in ControlGrains)
            {
                options.Classes.Remove(type);
            }
        }
    }
}
