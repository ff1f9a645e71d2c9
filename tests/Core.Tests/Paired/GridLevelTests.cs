using NasOrleans.Core.Paired;
using NasOrleans.Core.Randomness;

namespace NasOrleans.Core.Tests.Paired;

public class GridLevelTests
{
    private const string TwoRooms = """
        ######
        #>.#.#
        #..#.#
        #..#G#
        #....#
        ######
        """;

    [Fact]
    public void ShortestPath_TwoRooms_IsTheHandCountedSeven() =>
        // (1,1) down to (1,4), right to (4,4), up to the goal at (4,3): 3 + 3 + 1 moves.
        Assert.Equal(7, GridLevel.Parse(GridSize.Mini, TwoRooms).ShortestPath());

    [Fact]
    public void ShortestPath_Detour_CountsOnlyMoves()
    {
        var level = GridLevel.Parse(GridSize.Mini, """
            ######
            #v#G.#
            #.##.#
            #....#
            #....#
            ######
            """);
        // (1,1) down to (1,3), right to (4,3), up to (4,1), left to (3,1): 2 + 3 + 2 + 1.
        Assert.Equal(8, level.ShortestPath());
        Assert.True(level.IsSolvable);
    }

    [Fact]
    public void ShortestPath_GoalWalledIn_IsNull()
    {
        var level = GridLevel.Parse(GridSize.Mini, """
            ######
            #>...#
            #..###
            #..#G#
            #..#.#
            ######
            """);
        Assert.Null(level.ShortestPath());
        Assert.False(level.IsSolvable);
    }

    [Fact]
    public void Parse_TwoRooms_ReadsCellsAndDirection()
    {
        var level = GridLevel.Parse(GridSize.Mini, TwoRooms);
        Assert.Equal(new GridCell(1, 1), level.Agent);
        Assert.Equal(0, level.AgentDirection);
        Assert.Equal(new GridCell(4, 3), level.Goal);
        Assert.Equal(3, level.WallCount);
        Assert.True(level.IsWall(3, 2));
        Assert.True(level.IsWall(0, 3));
        Assert.True(level.IsWall(5, 5));
        Assert.False(level.IsWall(2, 2));
    }

    [Fact]
    public void Parse_ToText_RoundTripsRandomLevels()
    {
        var random = new DeterministicRandom(3);
        foreach (var size in GridSize.All)
        {
            for (var i = 0; i < 20; i++)
            {
                var level = RandomLevels.Sample(size, size.MaxWalls, random);
                Assert.Equal(level, GridLevel.Parse(size, level.ToText()));
            }
        }
    }

    [Theory]
    [InlineData(0, '>')]
    [InlineData(1, 'v')]
    [InlineData(2, '<')]
    [InlineData(3, '^')]
    public void ToText_AgentDirection_WritesItsArrow(int direction, char arrow)
    {
        var level = GridLevel.Parse(GridSize.Mini, TwoRooms).WithAgentDirection(direction);
        Assert.Equal(arrow, level.ToText().Split('\n')[1][1]);
        Assert.Equal(direction, GridLevel.Parse(GridSize.Mini, level.ToText()).AgentDirection);
    }

    [Fact]
    public void Parse_LetterA_IsAnAgentFacingRight() =>
        Assert.Equal(0, GridLevel.Parse(GridSize.Mini, TwoRooms.Replace('>', 'A')).AgentDirection);

    [Fact]
    public void Parse_BadCharacter_NamesRowAndColumn()
    {
        var error = Assert.Throws<FormatException>(() => GridLevel.Parse(GridSize.Mini, TwoRooms.Replace("#..#G#", "#.x#G#")));
        Assert.Contains("Row 3, column 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OpenOuterWall_NamesRowAndColumn()
    {
        var error = Assert.Throws<FormatException>(() => GridLevel.Parse(GridSize.Mini, TwoRooms.Replace("#....#", ".....#")));
        Assert.Contains("Row 4, column 0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#>.#.#", "#>.#.")]
    [InlineData("######\n#>.#.#", "#>.#.#")]
    public void Parse_WrongSize_Throws(string row, string replacement) =>
        Assert.Throws<FormatException>(() => GridLevel.Parse(GridSize.Mini, TwoRooms.Replace(row, replacement)));

    [Fact]
    public void Parse_MissingGoal_Throws() =>
        Assert.Contains("no goal", Assert.Throws<FormatException>(() => GridLevel.Parse(GridSize.Mini, TwoRooms.Replace('G', '.'))).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_MissingAgent_Throws() =>
        Assert.Contains("no agent", Assert.Throws<FormatException>(() => GridLevel.Parse(GridSize.Mini, TwoRooms.Replace('>', '.'))).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_DuplicateGoal_NamesBothCells()
    {
        var error = Assert.Throws<FormatException>(() => GridLevel.Parse(GridSize.Mini, TwoRooms.Replace("#....#", "#..G.#")));
        Assert.Contains("Row 4, column 3: a second goal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateAgent_Throws() =>
        Assert.Contains("second agent", Assert.Throws<FormatException>(() => GridLevel.Parse(GridSize.Mini, TwoRooms.Replace("#....#", "#..^.#"))).Message, StringComparison.Ordinal);

    [Fact]
    public void Encode_TwoRooms_IsWallsThenGoalThenAgent() =>
        // Walls at interior (2,0), (2,1), (2,2); goal at (3,2); agent at (0,0): index y·4 + x.
        Assert.Equal([2, 6, 10, 11, 0], GridLevel.Parse(GridSize.Mini, TwoRooms).Encode());

    [Fact]
    public void Constructor_AgentOnGoal_Throws() =>
        Assert.Throws<ArgumentException>(() => new GridLevel(GridSize.Mini, new bool[16], new GridCell(2, 2), new GridCell(2, 2), 0));

    [Fact]
    public void Constructor_GoalOnWall_Throws()
    {
        var walls = new bool[16];
        walls[5] = true;
        Assert.Throws<ArgumentException>(() => new GridLevel(GridSize.Mini, walls, new GridCell(2, 2), new GridCell(1, 1), 0));
    }
}
