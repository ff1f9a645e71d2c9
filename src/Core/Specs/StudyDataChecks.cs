using NasOrleans.Core.Spaces;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Specs;

/// <summary>
/// The checks of a valid spec that need its data, run at submit where the data will be read: the trainer's data files
/// exist (the shared folder is found), the trainer's own <see cref="TrainerDescriptor.CheckData"/> (datasets readable, sizes
/// within limits), and its <see cref="TrainerDescriptor.CheckDomainData"/> for the spec's domains. They read files, so a grain runs them off its turn (<see cref="CheckAsync"/>).
/// </summary>
public static class StudyDataChecks
{
    /// <summary>The problems and estimates of <paramref name="spec"/> (already validated) with the data of <paramref name="environment"/>.</summary>
    public static DataCheckResult Check(StudySpec spec, TrainerCatalog trainers, TrainerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(trainers);
        ArgumentNullException.ThrowIfNull(environment);
        if (trainers.Find(spec.Trainer.Kind) is not { } trainer)
        {
            return DataCheckResult.None;
        }

        var result = CheckTrainerData(spec, trainer, environment);
        if (spec.Domains is not { Count: > 0 } domains || trainer.CheckDomainData is not { } checkDomains)
        {
            return result;
        }

        IReadOnlyList<SpecError> domainErrors;
        try
        {
            domainErrors = checkDomains(domains, spec.Trainer, environment).Errors;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or InvalidOperationException)
        {
            domainErrors = [new SpecError("domains", $"the data of the domains cannot be read: {e.Message.TrimEnd('.')}")];
        }

        return domainErrors.Count == 0 ? result : result with { Errors = [.. result.Errors, .. domainErrors] };
    }

    private static DataCheckResult CheckTrainerData(StudySpec spec, TrainerDescriptor trainer, TrainerEnvironment environment)
    {
        if (trainer.CheckData is { } check)
        {
            try
            {
                return check(spec.Trainer, SpaceCatalog.Create(spec.Space), environment);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or InvalidOperationException)
            {
                return new DataCheckResult([new SpecError("trainer.parameters", $"the data of trainer '{trainer.Kind}' cannot be read: {e.Message.TrimEnd('.')}")]);
            }
        }

        var errors = new List<SpecError>();
        try
        {
            foreach (var file in trainer.DataFiles?.Invoke(spec.Trainer, environment) ?? [])
            {
                if (!File.Exists(file))
                {
                    errors.Add(new SpecError("trainer.parameters", $"trainer '{trainer.Kind}' reads '{file}', which does not exist; pass --data <shared dir>, set {SharedDirectory.EnvironmentVariable}, or give the file's path"));
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            errors.Add(new SpecError("trainer.parameters", e.Message.TrimEnd('.')));
        }

        return new DataCheckResult(errors);
    }

    /// <summary>As <see cref="Check"/>, on the thread pool (off the caller's grain turn).</summary>
    public static Task<DataCheckResult> CheckAsync(StudySpec spec, TrainerCatalog trainers, TrainerEnvironment environment) =>
        Task.Run(() => Check(spec, trainers, environment));

    /// <summary>Throws <see cref="SpecValidationException"/> listing the problems of <see cref="Check"/>, if any.</summary>
    public static void EnsureValid(StudySpec spec, TrainerCatalog trainers, TrainerEnvironment environment, string? fileName = null)
    {
        var result = Check(spec, trainers, environment);
        if (result.Errors.Count > 0)
        {
            throw new SpecValidationException(result.Errors, fileName);
        }
    }
}
