using Azure.Data.Tables;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// The mapping of <see cref="StudySummary"/> to a row of the studies table (one partition, row key the encoded study
/// id; the spec JSON is split over properties when long).
/// </summary>
internal static class AzureStudyRows
{
    /// <summary>The entity of <paramref name="study"/>, checked against the entity size limit.</summary>
    /// <exception cref="ArgumentException">The row would be larger than an entity holds.</exception>
    public static TableEntity ToEntity(StudySummary study)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentException.ThrowIfNullOrEmpty(study.StudyId);
        var entity = new TableEntity(AzureKeys.StudiesPartition, AzureKeys.Encode(study.StudyId))
        {
            ["StudyId"] = study.StudyId,
            ["Status"] = (int)study.Status,
            ["SpecHash"] = study.SpecHash,
            ["Seed"] = unchecked((long)study.Seed),
            ["ProductVersion"] = study.ProductVersion,
            ["CreatedAt"] = study.CreatedAt.UtcTicks,
            ["UpdatedAt"] = study.UpdatedAt.UtcTicks,
            ["MaxTrials"] = study.MaxTrials,
            ["Completed"] = study.Completed,
            ["Failed"] = study.Failed,
            ["Cached"] = study.Cached,
            ["Running"] = study.Running,
            ["Pending"] = study.Pending,
            ["Algorithm"] = study.Algorithm ?? "",
            ["Objective"] = study.Objective ?? "",
            ["Owner"] = study.Owner ?? "",
            ["ExtraTrials"] = study.ExtraTrials,
        };
        AzureTrialRows.SetIf(entity, "BestTrialId", study.BestTrialId);
        AzureTrialRows.SetIf<double>(entity, "BestScore", study.BestScore is { } s && !double.IsNaN(s) ? s : null);
        AzureText.Set(entity, "SpecJson", study.SpecJson);
        AzureText.Set(entity, "DataChecksums", StorageJsonMaps.FormatStrings(study.DataChecksums));
        AzureText.Set(entity, "Message", study.Message);
        AzureText.CheckSize(entity, $"Study '{study.StudyId}'");
        return entity;
    }

    /// <summary>The summary of a row written by <see cref="ToEntity"/>.</summary>
    public static StudySummary FromEntity(TableEntity entity) => new()
    {
        StudyId = entity.GetString("StudyId"),
        Status = (StudyStatus)(entity.GetInt32("Status") ?? 0),
        SpecJson = AzureText.Get(entity, "SpecJson") ?? "",
        SpecHash = entity.GetString("SpecHash") ?? "",
        Seed = unchecked((ulong)(entity.GetInt64("Seed") ?? 0)),
        ProductVersion = entity.GetString("ProductVersion") ?? "",
        DataChecksums = StorageJsonMaps.ParseStrings(AzureText.Get(entity, "DataChecksums") ?? "{}"),
        CreatedAt = AzureTrialRows.FromTicks(entity.GetInt64("CreatedAt") ?? 0),
        UpdatedAt = AzureTrialRows.FromTicks(entity.GetInt64("UpdatedAt") ?? 0),
        MaxTrials = entity.GetInt32("MaxTrials") ?? 0,
        Completed = entity.GetInt32("Completed") ?? 0,
        Failed = entity.GetInt32("Failed") ?? 0,
        Cached = entity.GetInt32("Cached") ?? 0,
        Running = entity.GetInt32("Running") ?? 0,
        Pending = entity.GetInt32("Pending") ?? 0,
        BestTrialId = entity.GetInt64("BestTrialId"),
        BestScore = entity.GetDouble("BestScore"),
        Message = AzureText.Get(entity, "Message"),
        Algorithm = entity.GetString("Algorithm") ?? "",
        Objective = entity.GetString("Objective") ?? "",
        Owner = entity.GetString("Owner") ?? "", // rows written before owners existed have neither property
        ExtraTrials = entity.GetInt32("ExtraTrials") ?? 0,
    };
}
