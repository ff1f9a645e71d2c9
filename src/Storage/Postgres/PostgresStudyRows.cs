using System.Globalization;
using Npgsql;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Postgres;

/// <summary>The studies table's SQL and the mapping of its rows to <see cref="StudySummary"/>.</summary>
internal static class PostgresStudyRows
{
    /// <summary>The columns, in the order <see cref="Read"/> and <see cref="Bind"/> use.</summary>
    public const string Columns =
        "study_id, status, spec_json, spec_hash, seed, product_version, data_checksums, created_at, updated_at, max_trials, " +
        "completed, failed, cached, running, pending, best_trial_id, best_score, message, algorithm, objective, owner, extra_trials";

    /// <summary>Insert-or-update of one study row; parameters $1..$22 in column order.</summary>
    public static readonly string Upsert =
        "INSERT INTO studies (" + Columns + ") VALUES (" +
        string.Join(", ", Enumerable.Range(1, 22).Select(i => i == 7 ? "$7::jsonb" : "$" + i.ToString(CultureInfo.InvariantCulture))) + ") " +
        "ON CONFLICT (study_id) DO UPDATE SET " +
        string.Join(", ", Columns.Split(", ").Skip(1).Select(c => c + " = excluded." + c));

    /// <summary>Adds <paramref name="study"/>'s values to <paramref name="command"/> as $1..$22.</summary>
    public static void Bind(NpgsqlCommand command, StudySummary study)
    {
        ArgumentNullException.ThrowIfNull(study);
        object[] values =
        [
            study.StudyId, (int)study.Status, study.SpecJson, study.SpecHash, (decimal)study.Seed, study.ProductVersion,
            StorageJsonMaps.FormatStrings(study.DataChecksums), study.CreatedAt.UtcTicks, study.UpdatedAt.UtcTicks, study.MaxTrials,
            study.Completed, study.Failed, study.Cached, study.Running, study.Pending, PostgresValues.OrNull(study.BestTrialId),
            PostgresValues.OrNull(PostgresValues.WithoutNaN(study.BestScore)), PostgresValues.OrNull(study.Message), study.Algorithm ?? "", study.Objective ?? "",
            study.Owner ?? "", study.ExtraTrials,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
    }

    /// <summary>Reads the current row (selected with <see cref="Columns"/>).</summary>
    public static StudySummary Read(NpgsqlDataReader reader) => new()
    {
        StudyId = reader.GetString(0),
        Status = (StudyStatus)reader.GetInt32(1),
        SpecJson = reader.GetString(2),
        SpecHash = reader.GetString(3),
        Seed = (ulong)reader.GetDecimal(4),
        ProductVersion = reader.GetString(5),
        DataChecksums = StorageJsonMaps.ParseStrings(reader.GetString(6)),
        CreatedAt = PostgresValues.FromTicks(reader.GetInt64(7)),
        UpdatedAt = PostgresValues.FromTicks(reader.GetInt64(8)),
        MaxTrials = reader.GetInt32(9),
        Completed = reader.GetInt32(10),
        Failed = reader.GetInt32(11),
        Cached = reader.GetInt32(12),
        Running = reader.GetInt32(13),
        Pending = reader.GetInt32(14),
        BestTrialId = reader.IsDBNull(15) ? null : reader.GetInt64(15),
        BestScore = reader.IsDBNull(16) ? null : reader.GetDouble(16),
        Message = reader.IsDBNull(17) ? null : reader.GetString(17),
        Algorithm = reader.GetString(18),
        Objective = reader.GetString(19),
        Owner = reader.GetString(20),
        ExtraTrials = reader.GetInt32(21),
    };
}
