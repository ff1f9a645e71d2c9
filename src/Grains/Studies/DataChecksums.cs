using System.Security.Cryptography;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Grains.Studies;

/// <summary>SHA-256 checksums of the data files a trainer reads, recorded so a study can be reproduced.</summary>
internal static class DataChecksums
{
    /// <summary>
    /// File path to lowercase hex SHA-256 (or a note when a file cannot be read), with the shared folder of
    /// <paramref name="environment"/>: the one the trainers read (--data, NAS_SHARED_DIR, or the folder beside the repository).
    /// Reads whole files: call it off a grain turn.
    /// </summary>
    public static Dictionary<string, string> Compute(TrainerCatalog trainers, TrainerSpec spec, TrainerEnvironment environment)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string> files;
        try
        {
            files = trainers.Find(spec.Kind)?.DataFiles?.Invoke(spec, environment) ?? [];
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            result["data"] = "unresolved: " + ex.Message;
            return result;
        }

        foreach (var file in files)
        {
            try
            {
                using var stream = File.OpenRead(file);
                result[file] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                result[file] = "unreadable: " + ex.Message;
            }
        }

        return result;
    }
}
