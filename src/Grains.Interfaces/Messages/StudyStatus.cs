namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>Where a study stands. Values are stored: never renumber them.</summary>
[GenerateSerializer]
[Alias("nas.StudyStatus")]
public enum StudyStatus
{
    /// <summary>No study with this id was submitted.</summary>
    NotFound = 0,

    /// <summary>Searching.</summary>
    Running = 1,

    /// <summary>Spent its budget.</summary>
    Completed = 2,

    /// <summary>Cancelled by a user.</summary>
    Cancelled = 3,

    /// <summary>Stopped after too many failed trials, or on an error.</summary>
    Failed = 4,

    /// <summary>The strategy kept proposing architectures already evaluated: the space (as it searches it) is exhausted.</summary>
    Exhausted = 5,
}
