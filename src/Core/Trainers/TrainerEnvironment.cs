namespace NasOrleans.Core.Trainers;

/// <summary>What a trainer may need from its host: the shared data folder and the clock.</summary>
public sealed record TrainerEnvironment(string? SharedDirectory, TimeProvider Time)
{
    /// <summary>
    /// Where trainers that produce weights save them, as <c>{dir}/{study}/{trial}/</c>; null: they save nothing.
    /// The study keeps those of its best trials and removes the rest.
    /// </summary>
    public string? ArtifactDirectory { get; init; }

    /// <summary>
    /// Resolves a path under the shared folder: <paramref name="relative"/> against <see cref="SharedDirectory"/>;
    /// throws a clear error naming the ways to set it when no shared folder was found.
    /// </summary>
    public string SharedPath(string relative)
    {
        if (SharedDirectory is null)
        {
            throw new InvalidOperationException(
                $"The shared data folder was not found, so '{relative}' cannot be read. Pass --data <dir>, set NAS_SHARED_DIR, or put the folder 'shared' beside the repository.");
        }

        return Path.Combine(SharedDirectory, relative);
    }
}
