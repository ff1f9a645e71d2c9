using System.Security.Cryptography;
using System.Text;
using NasOrleans.Core.Nb201;
using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Studies;

namespace NasOrleans.Grains.Tests.Studies;

public sealed class DataChecksumsTests : IDisposable
{
    private readonly string _shared = Path.Combine(Path.GetTempPath(), "nas-shared-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Compute_SharedFolderOfTheEnvironment_HashesTheFileTheTrainersRead()
    {
        var table = Path.Combine(_shared, Nb201Table.SharedRelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(table)!);
        File.WriteAllText(table, "not the real table");
        var environment = new TrainerEnvironment(_shared, TimeProvider.System);

        var sums = DataChecksums.Compute(TrainerCatalog.Default, new TrainerSpec(Nb201ReplayTrainer.KindName, new Dictionary<string, string>()), environment);

        var (file, sum) = Assert.Single(sums);
        Assert.Equal(table, file);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("not the real table"))), sum);
    }

    [Fact]
    public void Compute_NoSharedFolder_NotesItInsteadOfThrowing()
    {
        var environment = new TrainerEnvironment(null, TimeProvider.System);

        var sums = DataChecksums.Compute(TrainerCatalog.Default, new TrainerSpec(Nb201ReplayTrainer.KindName, new Dictionary<string, string>()), environment);

        Assert.StartsWith("unresolved: The shared data folder was not found", Assert.Single(sums).Value, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_shared))
        {
            Directory.Delete(_shared, recursive: true);
        }
    }
}
