namespace NasOrleans.Hosting;

/// <summary>Which grains a silo hosts.</summary>
public enum SiloRole
{
    /// <summary>Everything: studies, strategies, the scheduler and trainer slots (the embedded default).</summary>
    All,

    /// <summary>The control plane: studies, strategies and the scheduler; never trains.</summary>
    Control,

    /// <summary>Training slots only (role "trainer"); studies never activate here.</summary>
    Trainer,
}
