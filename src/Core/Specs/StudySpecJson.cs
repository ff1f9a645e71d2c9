using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Specs;

/// <summary>
/// The canonical JSON form of a study spec: snake_case keys in a fixed order, parameters sorted by name,
/// no indentation, and every default written out (goal, seed, budget, integer steps, the parameters of
/// the algorithm and of a built-in space kind). Trainer parameters are written as given, since the
/// trainer kinds depend on the host's catalog. <c>early_stopping</c> and <c>domains</c> are written only when the spec has them,
/// so specs without them keep their forms and hashes. Equal specs have equal forms and so equal <see cref="Hash"/>es.
/// </summary>
public static class StudySpecJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The canonical JSON of <paramref name="spec"/> (which is not validated here).</summary>
    public static string Serialize(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("name", spec.Name);
            w.WriteStartObject("objective");
            w.WriteString("metric", spec.Objective?.Metric);
            w.WriteString("goal", spec.Objective?.Goal == ObjectiveGoal.Minimize ? "minimize" : "maximize");
            w.WriteEndObject();
            w.WriteStartArray("constraints");
            foreach (var c in spec.Constraints ?? [])
            {
                w.WriteStartObject();
                w.WriteString("metric", c.Metric);
                WriteNumber(w, "min", c.Min);
                WriteNumber(w, "max", c.Max);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteSpace(w, spec.Space ?? new SpaceSpec(null, new Dictionary<string, string>(), []));
            w.WriteStartObject("algorithm");
            w.WriteString("name", spec.Algorithm?.Name);
            w.WriteNumber("seed", spec.Algorithm?.Seed ?? 0);
            var algorithm = spec.Algorithm is null ? null : StrategyCatalog.Find(spec.Algorithm.Name);
            WriteParameters(w, spec.Algorithm?.Parameters, algorithm?.Parameters);
            w.WriteEndObject();
            w.WriteStartObject("trainer");
            w.WriteString("kind", spec.Trainer?.Kind);
            WriteParameters(w, spec.Trainer?.Parameters, null);
            w.WriteEndObject();
            w.WriteStartObject("budget");
            w.WriteNumber("max_trials", spec.Budget?.MaxTrials ?? 0);
            w.WriteNumber("parallel_trials", spec.Budget?.ParallelTrials ?? 1);
            w.WriteNumber("max_failed_trials", spec.Budget?.MaxFailedTrials ?? 0);
            if (spec.Budget?.TrialTimeoutSeconds is { } timeout)
            {
                // Written only when set, so the hashes of specs without it stay as they were.
                w.WriteNumber("trial_timeout", timeout);
            }

            w.WriteEndObject();
            if (spec.EarlyStopping is { } early)
            {
                // Written only when set, so the hashes of specs without it stay as they were.
                w.WriteStartObject("early_stopping");
                w.WriteString("rule", early.Rule);
                w.WriteNumber("min_steps", early.MinSteps);
                w.WriteNumber("reduction_factor", early.ReductionFactor);
                w.WriteNumber("min_trials", early.MinTrials);
                w.WriteEndObject();
            }

            if (spec.Domains is { } domains)
            {
                WriteDomains(w, domains); // also written only when set
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Parses and validates JSON (canonical or not) against <see cref="TrainerCatalog.Default"/>, as <see cref="StudySpecParser.ParseJson(string)"/>.</summary>
    public static StudySpec Deserialize(string json) => StudySpecParser.ParseJson(json);

    /// <summary>Parses and validates JSON against <paramref name="catalog"/>.</summary>
    public static StudySpec Deserialize(string json, TrainerCatalog catalog) => StudySpecParser.ParseJson(json, catalog);

    /// <summary>The lowercase hex SHA-256 of the canonical JSON (UTF-8) of <paramref name="spec"/>.</summary>
    public static string Hash(StudySpec spec) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(spec))));

    private static void WriteSpace(Utf8JsonWriter w, SpaceSpec space)
    {
        w.WriteStartObject("space");
        var kind = SpaceCatalog.EffectiveKind(space);
        w.WriteString("kind", kind);
        WriteParameters(w, space.Parameters, SpaceCatalog.Find(kind)?.Parameters);
        w.WriteStartArray("decisions");
        foreach (var d in space.Decisions ?? [])
        {
            WriteDecision(w, d);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Each domain with its name, dataset, the sizes given (null ones inherit the trainer's), max_train_samples and weight.</summary>
    private static void WriteDomains(Utf8JsonWriter w, IReadOnlyList<DomainSpec> domains)
    {
        w.WriteStartArray("domains");
        foreach (var d in domains)
        {
            w.WriteStartObject();
            w.WriteString("name", d.Name);
            w.WriteString("dataset", d.Dataset);
            if (d.BatchSize is { } batch)
            {
                w.WriteNumber("batch_size", batch);
            }

            WriteNumber(w, "validation_size", d.ValidationSize);
            w.WriteNumber("max_train_samples", d.MaxTrainSamples);
            WriteNumber(w, "weight", d.Weight);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteDecision(Utf8JsonWriter w, DecisionSpec d)
    {
        w.WriteStartObject();
        w.WriteString("name", d.Name);
        w.WriteString("type", d.Type);
        if (d.Values is not null)
        {
            w.WriteStartArray("values");
            d.Values.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
        }

        WriteNumber(w, "min", d.Min);
        WriteNumber(w, "max", d.Max);
        if (d.Step is not null || d.Type == "integer")
        {
            w.WriteNumber("step", d.Step ?? 1);
        }

        if (d.Log || d.Type == "float")
        {
            w.WriteBoolean("log", d.Log);
        }

        if (d.When is { Count: > 0 } when)
        {
            w.WriteStartObject("when");
            foreach (var (parent, values) in when.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteStartArray(parent);
                (values ?? []).ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteParameters(Utf8JsonWriter w, IReadOnlyDictionary<string, string>? given, IReadOnlyList<ParameterDescriptor>? defaults)
    {
        var all = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var d in defaults ?? [])
        {
            all[d.Name] = d.Default;
        }

        foreach (var (name, value) in given ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }

        w.WriteStartObject("parameters");
        foreach (var (name, value) in all)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else if (value is { } nonFinite)
        {
            w.WriteString(name, nonFinite.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
