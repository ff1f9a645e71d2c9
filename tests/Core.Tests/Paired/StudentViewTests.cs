using NasOrleans.Core.Paired;

namespace NasOrleans.Core.Tests.Paired;

/// <summary>The students' egocentric view (<see cref="StudentEnvironments.WriteObservation"/>).</summary>
public class StudentViewTests
{
    private const int Plane = 25;

    [Fact]
    public void WriteObservation_WallRowDirectlyInFront_HidesEverythingBehindIt()
    {
        var obs = Observe("""
            ##########
            #G.......#
            #........#
            #........#
            #........#
            #........#
            #........#
            ##########
            #...^....#
            ##########
            """);
        for (var vx = 0; vx < 5; vx++)
        {
            Assert.Equal(1f, obs[(3 * 5) + vx]); // the wall row one step ahead is seen as walls
            Assert.Equal(0f, obs[(2 * Plane) + (3 * 5) + vx]);
            for (var vy = 0; vy < 3; vy++)
            {
                Assert.Equal(1f, obs[(2 * Plane) + (vy * 5) + vx]); // and everything beyond it is unseen
                Assert.Equal(0f, obs[(vy * 5) + vx]);
            }
        }
    }

    [Fact]
    public void WriteObservation_CorridorWallInFront_HidesTheCellsBehind()
    {
        var obs = Observe("""
            ##########
            #G.......#
            #........#
            #........#
            #..###...#
            #..#.#...#
            #..#^#...#
            #........#
            #........#
            ##########
            """);
        // Agent at view (2,4) in a corridor facing up: the wall two ahead (view (2,2)) blocks the column behind it.
        Assert.Equal(1f, obs[(2 * 5) + 2]);
        Assert.Equal(0f, obs[(2 * Plane) + (3 * 5) + 2]);
        Assert.Equal(1f, obs[(2 * Plane) + (1 * 5) + 2]);
        Assert.Equal(1f, obs[(2 * Plane) + (0 * 5) + 2]);
        Assert.Equal(1f, obs[(2 * Plane) + (4 * 5) + 0]); // behind the corridor's left wall
    }

    [Fact]
    public void WriteObservation_OpenFloor_SeesEverythingAndTheGoal()
    {
        var obs = Observe("""
            ##########
            #........#
            #........#
            #........#
            #...G....#
            #........#
            #........#
            #........#
            #...^....#
            ##########
            """);
        Assert.Equal(0f, obs.AsSpan(2 * Plane, Plane).ToArray().Sum());
        Assert.Equal(0f, obs.AsSpan(0, Plane).ToArray().Sum());
        Assert.Equal(1f, obs[Plane + (0 * 5) + 2]); // four cells ahead, top centre of the view
        Assert.Equal([0f, 0f, 0f, 1f], obs[(3 * Plane)..]);
    }

    [Fact]
    public void WriteObservation_FacingRight_RotatesTheWorldSoTheLeftIsUpward()
    {
        // Facing right in the top-left corner: the view's left columns are the outer wall and beyond (walls).
        var obs = Observe(HeldOutLevels.Find(GridSize.Medium, "Empty").Level.ToText());
        for (var vy = 0; vy < 5; vy++)
        {
            Assert.Equal(1f, obs[(vy * 5) + 1]);
            Assert.Equal(0f, obs[(vy * 5) + 2]);
        }

        Assert.Equal([1f, 0f, 0f, 0f], obs[(3 * Plane)..]);
    }

    [Fact]
    public void WriteObservations_Batch_WritesEachEnvironmentInTurn()
    {
        var envs = new StudentEnvironments(GridSize.Mini, 2);
        envs.Load(0, HeldOutLevels.Find(GridSize.Mini, "Empty").Level);
        envs.Load(1, HeldOutLevels.Find(GridSize.Mini, "Maze").Level.WithAgentDirection(1));
        var all = new float[2 * envs.ObservationLength];
        envs.WriteObservations(all);
        var second = new float[envs.ObservationLength];
        envs.WriteObservation(1, second);
        Assert.Equal(79, envs.ObservationLength);
        Assert.Equal(second, all[79..]);
        Assert.Equal(1f, all[75]);
        Assert.Equal(1f, all[79 + 76]);
    }

    private static float[] Observe(string text)
    {
        var level = GridLevel.Parse(GridSize.Medium, text);
        var envs = new StudentEnvironments(GridSize.Medium, 1);
        envs.Load(0, level);
        var obs = new float[envs.ObservationLength];
        envs.WriteObservation(0, obs);
        return obs;
    }
}
