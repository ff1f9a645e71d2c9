using System.Globalization;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;
using NasOrleans.Training.Data;
using NasOrleans.Training.Models;

namespace NasOrleans.Training.Trainers;

/// <summary>
/// The torch trainer's checks at submit (<see cref="TrainerDescriptor.CheckData"/>): the dataset is known and readable, its
/// validation size fits, and the space's largest architecture stays under <see cref="MaxParams"/>, <see cref="MaxFlops"/> and
/// <see cref="MaxMemoryBytes"/> (estimated as <see cref="BytesPerParameter"/> bytes per parameter: weights, gradients and
/// Adam's two moments, in float32).
/// </summary>
public static class TorchDataCheck
{
    /// <summary>The most parameters of one architecture.</summary>
    public const long MaxParams = 50_000_000;

    /// <summary>The most FLOPs of one architecture's forward pass, per sample.</summary>
    public const double MaxFlops = 20e9;

    /// <summary>The largest memory estimate of one architecture in training.</summary>
    public const long MaxMemoryBytes = 2L << 30;

    /// <summary>Bytes per parameter in training: weights, gradients and two optimizer moments, float32 each.</summary>
    public const int BytesPerParameter = 16;

    private const string Field = "trainer.parameters";

    /// <summary>The problems and the largest architecture's estimated cost of <paramref name="spec"/> over <paramref name="space"/>.</summary>
    public static DataCheckResult Check(TrainerSpec spec, SearchSpace space, DatasetLocations locations)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(space);
        var name = new ResolvedParameters(TorchTrainerParameters.All, spec.Parameters).GetString("dataset");
        if (DatasetCatalog.CheckName(name) is { } problem)
        {
            return Fail($"{Field}.dataset", NameProblem(name, problem));
        }

        var request = TorchTrainerParameters.Parse(spec.Parameters).Dataset;

        DatasetShape data;
        try
        {
            data = DatasetProbe.Probe(request, locations);
        }
        catch (FileNotFoundException e)
        {
            return Fail($"{Field}.dataset", e.Message.TrimEnd('.'));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Fail($"{Field}.dataset", $"dataset '{request.Name}' cannot be read: {e.Message.TrimEnd('.')}; fix the file, or give another dataset");
        }
        catch (ArgumentException e)
        {
            return Fail($"{Field}.validation_size", e.Message.Replace(" (Parameter 'request')", string.Empty, StringComparison.Ordinal).TrimEnd('.'));
        }

        return CheckSize(space, data);
    }

    /// <summary>The message of a dataset name that <see cref="DatasetCatalog.CheckName"/> rejects, with the fix.</summary>
    internal static string NameProblem(string name, string problem)
    {
        if (!problem.StartsWith("unknown dataset", StringComparison.Ordinal))
        {
            return problem;
        }

        var known = DatasetCatalog.Names;
        var inner = name;
        while (ImageTransforms.TrySplit(inner, out _, out var rest))
        {
            inner = rest;
        }

        return $"{problem.Split(';')[0]}; {SpecSuggestions.DidYouMean(inner, known)}use one of {string.Join(", ", known)}, idx:<images>,<labels>[;<test images>,<test labels>] "
            + $"or csv:<path>[;<test path>], optionally behind image transforms ({string.Join(", ", ImageTransforms.Prefixes.Select(p => p + ":"))})";
    }

    private static DataCheckResult CheckSize(SearchSpace space, DatasetShape data)
    {
        (long Params, double Flops) Cost(Architecture a) => ModelCost.Compute(space, a, data.Shape, data.Classes);
        var largest = LargestArchitecture.Find(space, a => Cost(a).Params);
        var (parameters, flops) = Cost(largest);
        var memory = (double)parameters * BytesPerParameter;
        var errors = new List<SpecError>();
        var where = $"the largest architecture of the space ({space.Display(largest)})";
        if (parameters > MaxParams)
        {
            errors.Add(new SpecError("space.parameters", Invariant($"{where} has {parameters} parameters; the limit is {MaxParams} (limit max_params): use smaller widths, fewer layers, or add a constraint and a smaller space")));
        }

        if (flops > MaxFlops)
        {
            errors.Add(new SpecError("space.parameters", Invariant($"{where} takes {flops:0} FLOPs per sample; the limit is {MaxFlops:0} (limit max_flops): use smaller widths or fewer layers")));
        }

        if (memory > MaxMemoryBytes)
        {
            errors.Add(new SpecError("space.parameters", Invariant($"{where} needs about {memory:0} bytes to train; the limit is {MaxMemoryBytes} (limit max_memory_bytes): use smaller widths or fewer layers")));
        }

        var cost = new Dictionary<string, double>(StringComparer.Ordinal) { ["params"] = parameters, ["flops"] = flops, ["memory_bytes"] = memory };
        return new DataCheckResult(errors, space.Describe(largest), cost);
    }

    private static DataCheckResult Fail(string field, string message) => new([new SpecError(field, message)]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
