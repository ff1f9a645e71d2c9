using System.Security.Cryptography;
using NasOrleans.Core;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Grains.Studies;

/// <summary>SHA-256 checksums of the data files a trainer reads, recorded so a study can be reproduced.</summary>
internal static class DataChecksums
{
    /// <summary>File path to lowercase hex SHA-256 (or a note when a file cannot be read).</summary>
    public static Dictionary<string, string> Compute(TrainerCatalog trainers, TrainerSpec spec)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = trainers.Find(spec.Kind)?.DataFiles?.Invoke(spec, new TrainerEnvironment(SharedDirectory.Resolve(), TimeProvider.System)) ?? [];
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
