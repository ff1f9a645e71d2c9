using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Grains.Studies;

namespace NasOrleans.Grains.Tests.Studies;

public sealed class ArtifactRetentionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nas-artifacts-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private TrialRecord Trial(long id, double score)
    {
        Directory.CreateDirectory(Path.Combine(_root, "s", id.ToString(global::System.Globalization.CultureInfo.InvariantCulture)));
        return new TrialRecord { StudyId = "s", TrialId = id, ArchitectureKey = "0", CanonicalKey = $"k{id}", Status = TrialStatus.Completed, Score = score, CreatedAt = DateTimeOffset.UnixEpoch };
    }

    [Fact]
    public void Offer_EqualScoresFinishedOutOfOrder_KeepsTheEarliestTrialAsTheStudyBestDoes()
    {
        var retention = new ArtifactRetention(_root, "s", keep: 1, []);

        retention.Offer([Trial(2, 80)]);
        retention.Offer([Trial(1, 80)]);

        Assert.True(Directory.Exists(Path.Combine(_root, "s", "1")));
        Assert.False(Directory.Exists(Path.Combine(_root, "s", "2")));
    }
}
