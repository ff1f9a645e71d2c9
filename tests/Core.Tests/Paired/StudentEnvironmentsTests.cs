using NasOrleans.Core.Paired;

namespace NasOrleans.Core.Tests.Paired;

public class StudentEnvironmentsTests
{
    private const int L = StudentEnvironments.TurnLeft;
    private const int R = StudentEnvironments.TurnRight;
    private const int F = StudentEnvironments.Forward;

    private static GridLevel Empty => HeldOutLevels.Find(GridSize.Mini, "Empty").Level;

    [Fact]
    public void Step_ScriptedPathToTheGoal_EndsWithTheExactReward()
    {
        var envs = Loaded(Empty);
        float reward = 0;
        var done = false;
        int[] actions = [F, F, F, R, F, F, F];
        for (var i = 0; i < actions.Length; i++)
        {
            Assert.False(done);
            (reward, done) = Step(envs, actions[i]);
        }

        Assert.True(done);
        Assert.Equal((float)(1 - (0.9 * 7 / 50)), reward);
        Assert.Equal([1 - (0.9 * 7 / 50)], envs.EpisodeReturns(0));
        Assert.Equal(1, envs.Solved(0));
        Assert.Equal((Empty.Agent, 0, 0), (envs.AgentCell(0), envs.AgentDirection(0), envs.EpisodeSteps(0)));
    }

    [Fact]
    public void Step_ForwardIntoAWall_DoesNotMove()
    {
        var envs = Loaded(Empty.WithAgentDirection(3));
        Assert.Equal((0f, false), Step(envs, F));
        Assert.Equal(new GridCell(1, 1), envs.AgentCell(0));
        Assert.Equal(1, envs.EpisodeSteps(0));
        var walled = Loaded(HeldOutLevels.Find(GridSize.Mini, "TwoRooms").Level);
        Step(walled, F);
        Step(walled, F);
        Assert.Equal(new GridCell(2, 1), walled.AgentCell(0));
    }

    [Fact]
    public void Step_Turns_FollowMiniGridDirections()
    {
        var envs = Loaded(Empty);
        Step(envs, L);
        Assert.Equal(3, envs.AgentDirection(0));
        Step(envs, R);
        Step(envs, R);
        Assert.Equal(1, envs.AgentDirection(0));
        Step(envs, F);
        Assert.Equal(new GridCell(1, 2), envs.AgentCell(0));
    }

    [Fact]
    public void Step_Timeout_GivesZeroAndResets()
    {
        var envs = new StudentEnvironments(GridSize.Mini, 1, maxSteps: 5);
        envs.Load(0, Empty);
        Step(envs, R);
        Step(envs, F);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal((0f, false), Step(envs, L));
        }

        Assert.Equal((0f, true), Step(envs, L));
        Assert.Equal([0.0], envs.EpisodeReturns(0));
        Assert.Equal(0, envs.Solved(0));
        Assert.Equal((Empty.Agent, Empty.AgentDirection, 0), (envs.AgentCell(0), envs.AgentDirection(0), envs.EpisodeSteps(0)));
        envs.ClearEpisodes();
        Assert.Empty(envs.EpisodeReturns(0));
    }

    [Fact]
    public void Step_Batch_StepsEachEnvironmentWithItsAction()
    {
        var envs = new StudentEnvironments(GridSize.Mini, 2);
        envs.Load(0, Empty);
        envs.Load(1, Empty);
        envs.Step([F, R], new float[2], new bool[2]);
        Assert.Equal((new GridCell(2, 1), 0), (envs.AgentCell(0), envs.AgentDirection(0)));
        Assert.Equal((new GridCell(1, 1), 1), (envs.AgentCell(1), envs.AgentDirection(1)));
    }

    [Fact]
    public void Step_NoLevelLoaded_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new StudentEnvironments(GridSize.Mini, 1).Step([F], new float[1], new bool[1]));

    [Fact]
    public void Step_BadAction_ThrowsBeforeSteppingAny()
    {
        var envs = new StudentEnvironments(GridSize.Mini, 2);
        envs.Load(0, Empty);
        envs.Load(1, Empty);
        Assert.Throws<ArgumentOutOfRangeException>(() => envs.Step([F, 3], new float[2], new bool[2]));
        Assert.Equal(0, envs.EpisodeSteps(0));
    }

    [Fact]
    public void Load_OtherSize_Throws() =>
        Assert.Throws<ArgumentException>(() => new StudentEnvironments(GridSize.Medium, 1).Load(0, Empty));

    private static StudentEnvironments Loaded(GridLevel level)
    {
        var envs = new StudentEnvironments(level.Size, 1);
        envs.Load(0, level);
        return envs;
    }

    private static (float Reward, bool Done) Step(StudentEnvironments envs, int action)
    {
        var rewards = new float[1];
        var dones = new bool[1];
        envs.Step([action], rewards, dones);
        return (rewards[0], dones[0]);
    }
}
