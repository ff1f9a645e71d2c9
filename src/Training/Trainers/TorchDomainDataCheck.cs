using System.Globalization;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Training.Data;

namespace NasOrleans.Training.Trainers;

/// <summary>
/// The torch trainer's checks of a spec's domains (<see cref="TrainerDescriptor.CheckDataset"/> and
/// <see cref="TrainerDescriptor.CheckDomainData"/>): each dataset name is known (image transforms included), and at submit
/// its files exist and parse and its validation size (the domain's, else the trainer's) fits, split with the trainer's
/// split_seed. Errors name <c>domains[i].dataset</c> or <c>domains[i].validation_size</c>.
/// </summary>
public static class TorchDomainDataCheck
{
    /// <summary>Null when <paramref name="name"/> names a dataset of <see cref="DatasetCatalog"/>, else the problem and the fix.</summary>
    public static string? CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return DatasetCatalog.CheckName(name) is { } problem ? TorchDataCheck.NameProblem(name, problem) : null;
    }

    /// <summary>The problems of <paramref name="domains"/>' data, with the trainer's parameters <paramref name="trainer"/>.</summary>
    public static DataCheckResult Check(IReadOnlyList<DomainSpec> domains, TrainerSpec trainer, DatasetLocations locations)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(locations);
        var defaults = TorchTrainerParameters.Parse(trainer.Parameters).Dataset;
        var errors = new List<SpecError>();
        for (var i = 0; i < domains.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"domains[{i}]");
            var domain = domains[i];
            if (CheckName(domain.Dataset) is { } problem)
            {
                errors.Add(new SpecError($"{path}.dataset", problem));
                continue;
            }

            var request = defaults with { Name = domain.Dataset, ValidationSize = domain.ValidationSize ?? defaults.ValidationSize };
            try
            {
                DatasetProbe.Probe(request, locations);
            }
            catch (FileNotFoundException e)
            {
                errors.Add(new SpecError($"{path}.dataset", e.Message.TrimEnd('.')));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                errors.Add(new SpecError($"{path}.dataset", $"dataset '{domain.Dataset}' cannot be read: {e.Message.TrimEnd('.')}; fix the file, or give another dataset"));
            }
            catch (ArgumentException e)
            {
                var field = domain.ValidationSize is null ? "trainer.parameters.validation_size" : $"{path}.validation_size";
                errors.Add(new SpecError(field, e.Message.Replace(" (Parameter 'request')", string.Empty, StringComparison.Ordinal).TrimEnd('.')));
            }
        }

        return new DataCheckResult(errors);
    }
}
