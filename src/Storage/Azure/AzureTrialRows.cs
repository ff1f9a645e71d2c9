using Azure.Data.Tables;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// The mapping of <see cref="TrialRecord"/> to a row of the trials table (partition: the study; row: <c>t_</c> and the
/// trial id). Timestamps are UTC ticks (exact), a NaN score is left out (read back as null), metrics are JSON.
/// </summary>
internal static class AzureTrialRows
{
    /// <summary>The entity of <paramref name="trial"/>, checked against the entity size limit.</summary>
    /// <exception cref="ArgumentException">The row would be larger than an entity holds.</exception>
    public static TableEntity ToEntity(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentException.ThrowIfNullOrEmpty(trial.StudyId);
        var entity = new TableEntity(AzureKeys.Encode(trial.StudyId), AzureKeys.TrialRow(trial.TrialId))
        {
            ["StudyId"] = trial.StudyId,
            ["TrialId"] = trial.TrialId,
            ["ArchitectureKey"] = trial.ArchitectureKey,
            ["CanonicalKey"] = trial.CanonicalKey,
            ["Status"] = (int)trial.Status,
            ["Attempt"] = trial.Attempt,
            ["Feasible"] = trial.Feasible,
            ["CreatedAt"] = trial.CreatedAt.UtcTicks,
        };
        SetIf(entity, "SourceTrialId", trial.SourceTrialId);
        SetIf<double>(entity, "Score", trial.Score is { } s && !double.IsNaN(s) ? s : null);
        SetIf(entity, "FinishedAt", trial.FinishedAt?.UtcTicks);
        SetIf<double>(entity, "DurationSeconds", trial.DurationSeconds is { } d && !double.IsNaN(d) ? d : null);
        AzureText.Set(entity, "Metrics", StorageJsonMaps.FormatMetrics(trial.Metrics));
        AzureText.Set(entity, "Error", trial.Error);
        AzureText.Set(entity, "Trainer", trial.Trainer);
        AzureText.Set(entity, "Display", trial.Display);
        AzureText.CheckSize(entity, $"Trial {trial.TrialId} of study '{trial.StudyId}'");
        return entity;
    }

    /// <summary>The record of a row written by <see cref="ToEntity"/>.</summary>
    public static TrialRecord FromEntity(TableEntity entity) => new()
    {
        StudyId = entity.GetString("StudyId"),
        TrialId = entity.GetInt64("TrialId") ?? 0,
        ArchitectureKey = entity.GetString("ArchitectureKey") ?? "",
        CanonicalKey = entity.GetString("CanonicalKey") ?? "",
        Status = (TrialStatus)(entity.GetInt32("Status") ?? 0),
        Attempt = entity.GetInt32("Attempt") ?? 0,
        SourceTrialId = entity.GetInt64("SourceTrialId"),
        Metrics = StorageJsonMaps.ParseMetrics(AzureText.Get(entity, "Metrics") ?? "{}"),
        Score = entity.GetDouble("Score"),
        Feasible = entity.GetBoolean("Feasible") ?? true,
        Error = AzureText.Get(entity, "Error"),
        Trainer = AzureText.Get(entity, "Trainer"),
        CreatedAt = FromTicks(entity.GetInt64("CreatedAt") ?? 0),
        FinishedAt = entity.GetInt64("FinishedAt") is { } finished ? FromTicks(finished) : null,
        DurationSeconds = entity.GetDouble("DurationSeconds"),
        Display = AzureText.Get(entity, "Display"),
    };

    /// <summary>UTC ticks back to a timestamp (offset zero).</summary>
    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>Sets a property unless the value is null.</summary>
    public static void SetIf<T>(TableEntity entity, string name, T? value)
        where T : struct
    {
        if (value is { } v)
        {
            entity[name] = v;
        }
    }
}
