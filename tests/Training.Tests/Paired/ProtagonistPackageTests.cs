using NasOrleans.Core.Paired;
using NasOrleans.Training.Paired;

namespace NasOrleans.Training.Tests.Paired;

public sealed class ProtagonistPackageTests
{
    [Fact]
    public void Read_WrittenPackage_GivesTheSameAgentBack()
    {
        using var agent = new RecurrentAgent(PairedRoundSettings.StudentShape, new PpoSettings { Hidden = 16 }, seed: 3);
        var package = new ProtagonistPackage(GridSize.Mini, 50, 16, "paired", 40, agent.Save());

        var read = ProtagonistPackage.Read(package.ToBytes());
        using var loaded = read.LoadAgent();

        Assert.Equal((GridSize.Mini, 50, 16, "paired", 40L), (read.Size, read.StudentSteps, read.Hidden, read.Method, read.Round));
        Assert.Equal(agent.ParameterValues(), loaded.ParameterValues());
    }

    [Fact]
    public void Read_NotAPackage_SaysWhat()
    {
        var error = Assert.Throws<InvalidDataException>(() => ProtagonistPackage.Read([1, 2, 3]));

        Assert.Contains("not a readable protagonist package", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_DrawnPath_StartsAtTheAgentAndMarksVisitedCells()
    {
        using var agent = new RecurrentAgent(PairedRoundSettings.StudentShape, new PpoSettings { Hidden = 16 }, seed: 3);
        var level = HeldOutLevels.Find(GridSize.Mini, "Empty").Level;

        var episode = ProtagonistPlayer.Play(agent, level, 50);
        var text = ProtagonistPlayer.Draw(level, episode);

        Assert.Equal(level.Agent, episode.Path[0]);
        Assert.Equal(episode.Solved, episode.Path[^1] == level.Goal);
        Assert.Equal(level.ToText().Count(c => c == '#'), text.Count(c => c == '#'));
    }
}
