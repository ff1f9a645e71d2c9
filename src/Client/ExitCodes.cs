namespace NasOrleans.Client;

/// <summary>The exit codes of <c>nas</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success; for run and watch, the study completed.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected error (a bug, or a data file that cannot be read).</summary>
    public const int Error = 1;

    /// <summary>A usage error (unknown command or option, bad value) or invalid input: a bad spec (nothing was stored), an output path that cannot be written.</summary>
    public const int InvalidInput = 2;

    /// <summary>The study ended without completing (failed, cancelled or exhausted), or it has no completed feasible trial.</summary>
    public const int StudyNotCompleted = 3;

    /// <summary>No such study, trial or saved model.</summary>
    public const int NotFound = 4;

    /// <summary>The cluster or the embedded runner could not be reached, or the data directory does not exist or is busy.</summary>
    public const int Unavailable = 5;

    /// <summary>Interrupted (Ctrl-C); a run can be resumed by running it again.</summary>
    public const int Interrupted = 130;
}
