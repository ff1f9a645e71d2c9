using System.CommandLine;
using System.Text.Json.Nodes;
using NasOrleans.Client.Output;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Training;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas validate spec</c>: a dry run of submit. Lists every problem (parse, validation, data), the resolved defaults and
/// the estimated cost of the largest architecture; stores nothing and opens no data directory. Exit 0 when valid, 2 otherwise.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The study spec (YAML or JSON)." };
        var command = new Command("validate", "Check a study spec and its data without running or storing anything (exit 0: valid, 2: not).") { spec };
        command.SetAction((result, ct) => CommandRunner.RunAsync(() =>
        {
            var settings = global.Read(result);
            var path = result.GetValue(spec)!.FullName;
            StudySpec? parsed = null;
            IReadOnlyList<SpecError> errors;
            DataCheckResult? data = null;
            try
            {
                parsed = StudySpecParser.ParseFile(path, TorchTrainers.Catalog);
                data = StudyDataChecks.Check(parsed, TorchTrainers.Catalog, SpecPreflight.Environment(settings));
                errors = data.Errors;
            }
            catch (SpecValidationException ex)
            {
                errors = ex.Errors;
            }

            Print(settings.Json, path, parsed, errors, data);
            return Task.FromResult(errors.Count == 0 ? ExitCodes.Ok : ExitCodes.InvalidInput);
        }));
        return command;
    }

    private static void Print(bool json, string path, StudySpec? spec, IReadOnlyList<SpecError> errors, DataCheckResult? data)
    {
        var resolved = spec is null ? null : ResolvedSpec.Build(spec, TorchTrainers.Catalog);
        JsonObject? largest = null;
        if (data?.LargestArchitecture is { } architecture)
        {
            largest = new JsonObject { ["architecture"] = new JsonObject([.. architecture.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]) };
            foreach (var (name, value) in data.LargestCost ?? new Dictionary<string, double>())
            {
                largest[name] = value;
            }
        }

        if (json)
        {
            JsonOutput.Write(new JsonObject
            {
                ["valid"] = errors.Count == 0,
                ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject { ["field"] = e.Field, ["message"] = e.Message })]),
                ["resolved"] = errors.Count == 0 ? resolved : null,
                ["largest_architecture"] = errors.Count == 0 ? largest : null,
            });
            return;
        }

        if (errors.Count > 0)
        {
            Console.Error.WriteLine(new SpecValidationException(errors, path).Message);
            return;
        }

        Console.WriteLine($"The study spec '{path}' is valid; nothing was stored.");
        Console.WriteLine("Resolved (defaults filled in):");
        Console.WriteLine(resolved!.ToJsonString(JsonOutput.Options));
        if (largest is not null)
        {
            Console.WriteLine($"Largest architecture: {largest.ToJsonString()}");
        }
    }
}
