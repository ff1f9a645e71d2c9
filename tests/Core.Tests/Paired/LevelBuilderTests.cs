using NasOrleans.Core.Paired;

namespace NasOrleans.Core.Tests.Paired;

public class LevelBuilderTests
{
    [Fact]
    public void Step_WallOnAWall_PlacesNothing()
    {
        var builder = new LevelBuilder(GridSize.Mini, walls: 3, seed: 1);
        builder.Step(5);
        builder.Step(5);
        Assert.Equal(1, builder.WallCount);
        builder.Step(6);
        Assert.Equal(2, builder.WallCount);
    }

    [Fact]
    public void Step_GoalOnAWall_RemovesTheWall()
    {
        var builder = new LevelBuilder(GridSize.Mini, walls: 2, seed: 1);
        builder.Step(5);
        builder.Step(6);
        builder.Step(5);
        Assert.Equal(1, builder.WallCount);
        Assert.Equal(GridSize.Mini.CellAt(5), builder.Goal);
        builder.Step(0);
        Assert.False(builder.Level.IsWallAt(5));
        Assert.True(builder.Level.IsWallAt(6));
        Assert.Equal(GridSize.Mini.CellAt(5), builder.Level.Goal);
    }

    [Fact]
    public void Step_AgentOnAWall_RemovesTheWall()
    {
        var builder = new LevelBuilder(GridSize.Mini, walls: 2, seed: 1);
        builder.Step(5);
        builder.Step(6);
        builder.Step(0);
        builder.Step(6);
        Assert.Equal(1, builder.WallCount);
        Assert.False(builder.AgentPlacedAtRandom);
        Assert.Equal(GridSize.Mini.CellAt(6), builder.Level.Agent);
        Assert.False(builder.Level.IsWallAt(6));
        Assert.Equal(1, builder.Level.WallCount);
    }

    [Fact]
    public void Step_AgentOnTheGoal_GoesToARandomFreeCell()
    {
        var cells = new HashSet<GridCell>();
        for (var seed = 0; seed < 60; seed++)
        {
            var builder = new LevelBuilder(GridSize.Mini, walls: 3, seed);
            foreach (var cell in new[] { 1, 2, 3, 0, 0 })
            {
                builder.Step(cell);
            }

            var level = builder.Level;
            Assert.True(builder.AgentPlacedAtRandom);
            Assert.NotEqual(level.Goal, level.Agent);
            Assert.False(level.IsWall(level.Agent.X, level.Agent.Y));
            cells.Add(level.Agent);
        }

        // 12 free cells: a uniform draw over 60 seeds lands on several of them.
        Assert.True(cells.Count > 5, $"only {cells.Count} distinct cells");
    }

    [Fact]
    public void Step_SameSeed_BuildsTheSameLevel()
    {
        GridLevel Build(int seed)
        {
            var builder = new LevelBuilder(GridSize.Mini, walls: 1, seed);
            builder.Step(4);
            builder.Step(7);
            builder.Step(7);
            return builder.Level;
        }

        Assert.Equal(Build(9), Build(9));
    }

    [Fact]
    public void Step_AfterWallsPlusTwoSteps_IsDoneAndThrowsOnAnotherStep()
    {
        var builder = new LevelBuilder(GridSize.Mini, walls: 3, seed: 1);
        Assert.Equal(5, builder.Steps);
        for (var i = 0; i < 5; i++)
        {
            Assert.False(builder.Done);
            Assert.Throws<InvalidOperationException>(() => builder.Level);
            builder.Step(i + 4);
        }

        Assert.True(builder.Done);
        Assert.Equal(5, builder.TimeStep);
        Assert.NotNull(builder.Level);
        Assert.Throws<InvalidOperationException>(() => builder.Step(0));
    }

    [Fact]
    public void Reset_AfterABuild_StartsAnEmptyGrid()
    {
        var builder = new LevelBuilder(GridSize.Mini, walls: 1, seed: 1);
        foreach (var cell in new[] { 3, 4, 5 })
        {
            builder.Step(cell);
        }

        builder.Reset();
        Assert.Equal((0, 0, false), (builder.TimeStep, builder.WallCount, builder.Done));
        Assert.Null(builder.Goal);
        Assert.Null(builder.Agent);
        builder.Step(3);
        Assert.Equal(1, builder.WallCount);
    }

    [Fact]
    public void Step_CellOutsideTheInterior_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LevelBuilder(GridSize.Mini, 1, 1).Step(16));

    [Fact]
    public void WriteObservation_MidBuild_HasWallGoalAgentPlanesAndTimeStep()
    {
        var builder = new LevelBuilder(GridSize.Mini, walls: 2, seed: 1);
        var observation = new float[builder.ObservationLength];
        Assert.Equal((3 * 36) + 1, builder.ObservationLength);
        builder.Step(0);
        builder.Step(0);
        builder.Step(15);
        builder.WriteObservation(observation);
        var walls = observation.AsSpan(0, 36);
        Assert.Equal(20 + 1, walls.ToArray().Count(v => v == 1f)); // 20 outer-wall cells and one interior wall
        Assert.Equal(1f, walls[(1 * 6) + 1]);
        Assert.Equal(1f, observation[36 + (4 * 6) + 4]);
        Assert.Equal(1f, observation.AsSpan(36, 36).ToArray().Sum());
        Assert.Equal(0f, observation.AsSpan(72, 36).ToArray().Sum());
        Assert.Equal(3f / 4f, observation[108]);
    }
}
