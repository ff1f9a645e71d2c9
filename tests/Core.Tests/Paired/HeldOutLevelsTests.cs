using NasOrleans.Core.Paired;

namespace NasOrleans.Core.Tests.Paired;

public class HeldOutLevelsTests
{
    [Fact]
    public void For_EverySize_EveryLevelIsSolvable() =>
        Assert.All(GridSize.All.SelectMany(HeldOutLevels.For), l => Assert.True(l.Level.IsSolvable, l.Name));

    [Fact]
    public void For_EachSize_HasTheNamedLevels()
    {
        Assert.Equal(["Empty", "FourRooms", "TwoRooms", "Cluttered", "Maze"], HeldOutLevels.For(GridSize.Mini).Select(l => l.Name));
        Assert.Equal(["Empty", "FourRooms", "Labyrinth", "Maze"], HeldOutLevels.For(GridSize.Medium).Select(l => l.Name));
        Assert.Equal(["Empty", "FourRooms", "SixteenRooms", "Labyrinth", "Maze"], HeldOutLevels.For(GridSize.Full).Select(l => l.Name));
    }

    [Fact]
    public void For_Mini_ShortestPathsDifferAndMazeIsLongest()
    {
        var paths = HeldOutLevels.For(GridSize.Mini).ToDictionary(l => l.Name, l => l.Level.ShortestPath()!.Value);
        Assert.Equal(paths.Count, paths.Values.Distinct().Count());
        Assert.Equal(paths.Values.Max(), paths["Maze"]);
        Assert.Equal(new Dictionary<string, int> { ["Empty"] = 6, ["FourRooms"] = 8, ["TwoRooms"] = 7, ["Cluttered"] = 9, ["Maze"] = 10 }, paths);
    }

    [Fact]
    public void For_Mini_EveryLevelIsWithinTheAdversarysBudgetAndBuildable()
    {
        foreach (var named in HeldOutLevels.For(GridSize.Mini))
        {
            var level = named.Level;
            Assert.True(level.WallCount <= GridSize.Mini.MaxWalls, named.Name);
            var builder = new LevelBuilder(GridSize.Mini, level.WallCount, seed: 1);
            foreach (var action in level.Encode())
            {
                builder.Step(action);
            }

            Assert.Equal(level, builder.Level.WithAgentDirection(level.AgentDirection));
        }
    }

    [Fact]
    public void Find_KnownName_GivesTheLevel() =>
        Assert.Equal(48, HeldOutLevels.Find(GridSize.Full, "labyrinth").Level.ShortestPath());

    [Fact]
    public void Find_UnknownName_ListsTheNames()
    {
        var error = Assert.Throws<ArgumentException>(() => HeldOutLevels.Find(GridSize.Medium, "SixteenRooms"));
        Assert.Contains("Empty, FourRooms, Labyrinth, Maze", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_CustomSize_Throws() =>
        Assert.Throws<ArgumentException>(() => HeldOutLevels.For(new GridSize("tiny", 5, 2, 10)));
}
