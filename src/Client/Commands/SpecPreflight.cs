using NasOrleans.Client.Backends;
using NasOrleans.Core;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Training;

namespace NasOrleans.Client.Commands;

/// <summary>
/// The client's checks before any grain call: the spec is parsed once into a <see cref="StudySpec"/> and validated, then
/// its data is checked (<see cref="StudyDataChecks"/>) with the shared folder of <c>--data</c>, <c>NAS_SHARED_DIR</c> or the
/// folder beside the repository, the one the embedded trainers read. With <c>--gateway</c> the data lives on the cluster,
/// so the study grain checks it there on submit, with the silo's own data root.
/// </summary>
internal static class SpecPreflight
{
    /// <summary>The trainer environment of this process, with the shared folder of <paramref name="settings"/>.</summary>
    public static TrainerEnvironment Environment(CommonSettings settings) =>
        new(SharedDirectory.Resolve(settings.SharedDirectory), TimeProvider.System);

    /// <summary>Parses and validates <paramref name="path"/>, then checks its data unless it is read on a cluster; throws <see cref="SpecValidationException"/>.</summary>
    public static StudySpec Load(string path, CommonSettings settings)
    {
        var spec = StudySpecParser.ParseFile(path, TorchTrainers.Catalog);
        if (settings.Gateway is null && settings.Server is null)
        {
            StudyDataChecks.EnsureValid(spec, TorchTrainers.Catalog, Environment(settings), path);
        }

        return spec;
    }
}
