using System.Globalization;
using Microsoft.Data.Sqlite;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Storage.Sqlite;

/// <summary>The studies table's SQL and the mapping of its rows to <see cref="StudySummary"/>.</summary>
internal static class SqliteStudyRows
{
    /// <summary>The columns, in the order <see cref="Read"/> and <see cref="Bind"/> use.</summary>
    public const string Columns =
        "study_id, status, spec_json, spec_hash, seed, product_version, data_checksums, created_at, updated_at, max_trials, " +
        "completed, failed, cached, running, pending, best_trial_id, best_score, message, algorithm, objective, owner, extra_trials";

    private const int ColumnCount = 22;

    /// <summary>Insert-or-replace of one study row; parameters $p0..$p21 in column order.</summary>
    public static readonly string Upsert =
        "INSERT INTO studies (" + Columns + ") VALUES (" +
        string.Join(", ", Enumerable.Range(0, ColumnCount).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture))) + ") " +
        "ON CONFLICT (study_id) DO UPDATE SET " +
        string.Join(", ", Columns.Split(", ").Skip(1).Select(c => c + " = excluded." + c)) + ";";

    /// <summary>Creates the parameters of <see cref="Upsert"/> on <paramref name="command"/>.</summary>
    public static SqliteParameter[] CreateParameters(SqliteCommand command)
    {
        var parameters = new SqliteParameter[ColumnCount];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value));
        }

        return parameters;
    }

    /// <summary>Binds <paramref name="study"/> to parameters made by <see cref="CreateParameters"/>.</summary>
    public static void Bind(SqliteParameter[] p, StudySummary study)
    {
        ArgumentNullException.ThrowIfNull(study);
        p[0].Value = study.StudyId;
        p[1].Value = (int)study.Status;
        p[2].Value = study.SpecJson;
        p[3].Value = study.SpecHash;
        p[4].Value = study.Seed.ToString(CultureInfo.InvariantCulture); // ulong: text keeps all 64 bits readable
        p[5].Value = study.ProductVersion;
        p[6].Value = StorageJsonMaps.FormatStrings(study.DataChecksums);
        p[7].Value = SqliteValues.FormatTimestamp(study.CreatedAt);
        p[8].Value = SqliteValues.FormatTimestamp(study.UpdatedAt);
        p[9].Value = study.MaxTrials;
        p[10].Value = study.Completed;
        p[11].Value = study.Failed;
        p[12].Value = study.Cached;
        p[13].Value = study.Running;
        p[14].Value = study.Pending;
        p[15].Value = SqliteValues.OrNull(study.BestTrialId);
        p[16].Value = SqliteValues.OrNull(study.BestScore);
        p[17].Value = SqliteValues.OrNull(study.Message);
        p[18].Value = study.Algorithm ?? "";
        p[19].Value = study.Objective ?? "";
        p[20].Value = study.Owner ?? "";
        p[21].Value = study.ExtraTrials;
    }

    /// <summary>Reads the current row (selected with <see cref="Columns"/>).</summary>
    public static StudySummary Read(SqliteDataReader reader) => new()
    {
        StudyId = reader.GetString(0),
        Status = (StudyStatus)reader.GetInt32(1),
        SpecJson = reader.GetString(2),
        SpecHash = reader.GetString(3),
        Seed = ulong.Parse(reader.GetString(4), NumberStyles.None, CultureInfo.InvariantCulture),
        ProductVersion = reader.GetString(5),
        DataChecksums = StorageJsonMaps.ParseStrings(reader.GetString(6)),
        CreatedAt = SqliteValues.ParseTimestamp(reader.GetString(7)),
        UpdatedAt = SqliteValues.ParseTimestamp(reader.GetString(8)),
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
