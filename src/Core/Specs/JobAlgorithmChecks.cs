using NasOrleans.Core.Strategies;
using NasOrleans.Core.WeightSharing;

namespace NasOrleans.Core.Specs;

/// <summary>Checks what a job algorithm (tunas, mpnas: a supernet search) needs of the rest of the spec.</summary>
internal static class JobAlgorithmChecks
{
    /// <summary>Adds the problems of <paramref name="spec"/> to <paramref name="errors"/>; <paramref name="spaceKind"/> is the space's kind when valid.</summary>
    public static void Check(StudySpec spec, string? spaceKind, List<SpecError> errors)
    {
        if (spec.Algorithm is not { } algorithm || StrategyCatalog.Find(algorithm.Name) is not { Job: SupernetSearchOptions.JobKind } descriptor)
        {
            return;
        }

        if (spaceKind is not null && spaceKind != "mobile-cnn")
        {
            errors.Add(new SpecError("space.kind", $"'{descriptor.Name}' trains a weight-sharing supernet over the mobile-cnn space; use space.kind: mobile-cnn (was {spaceKind})"));
        }

        if (spec.Trainer is { Kind: var kind } && kind != "torch")
        {
            errors.Add(new SpecError("trainer.kind", $"'{descriptor.Name}' trains its supernet with TorchSharp; use trainer.kind: torch (was {kind})"));
        }

        var domains = spec.Domains?.Count ?? 0;
        if (descriptor.Name == WeightSharingAlgorithms.Mpnas && domains < 2)
        {
            errors.Add(new SpecError("domains", $"mpnas searches one path per domain: list at least two entries under domains: (found {domains}); for one domain use algorithm tunas"));
        }
        else if (descriptor.Name == WeightSharingAlgorithms.Tunas && domains > 1)
        {
            errors.Add(new SpecError("domains", $"tunas searches one domain, and domains: lists {domains}; use algorithm mpnas for several"));
        }
    }
}
