using NasOrleans.Core.Paired;

namespace NasOrleans.Core.Tests.Paired;

public class RegretTests
{
    private const int L = StudentEnvironments.TurnLeft;
    private const int R = StudentEnvironments.TurnRight;
    private const int F = StudentEnvironments.Forward;

    private static readonly GridLevel TwoRooms = GridLevel.Parse(GridSize.Mini, """
        ######
        #>.#.#
        #..#.#
        #..#G#
        #....#
        ######
        """);

    [Fact]
    public void Compute_AntagonistSolvesInTenStepsProtagonistFails_IsExactlyPointEightTwo()
    {
        // Down the left room, along the bottom row, up into the goal: 1 + 3 + 1 + 3 + 1 + 1 = 10 steps.
        var antagonist = Play([R, F, F, F, L, F, F, F, L, F]);
        var protagonist = Play(Enumerable.Repeat(L, 50).ToArray());
        Assert.Equal([1 - (0.9 * 10 / 50)], antagonist.EpisodeReturns(0));
        Assert.Equal([0.0], protagonist.EpisodeReturns(0));
        Assert.Equal(0.82, Regret.Compute(antagonist.EpisodeReturns(0), protagonist.EpisodeReturns(0)), 12);
        Assert.Equal(0.82, Regret.Compute(antagonist, protagonist)[0], 12);
    }

    [Fact]
    public void Compute_ProtagonistBetterThanAntagonist_ClipsAtZero() =>
        Assert.Equal(0.0, Regret.Compute([0.2, 0.1], [0.5, 0.9]));

    [Fact]
    public void Compute_MaxAntagonistMinusMeanProtagonist() =>
        Assert.Equal(0.9 - 0.4, Regret.Compute([0.3, 0.9], [0.2, 0.6]), 12);

    [Fact]
    public void Compute_PerLevel_GivesOneRegretPerLevel() =>
        Assert.Equal([0.5, 0.0], Regret.Compute([[0.5], [0.1]], [[0.0], [0.4]]));

    [Fact]
    public void Compute_NoEpisodes_Throws() =>
        Assert.Throws<ArgumentException>(() => Regret.Compute([], [0.5]));

    private static StudentEnvironments Play(int[] actions)
    {
        var envs = new StudentEnvironments(GridSize.Mini, 1);
        envs.Load(0, TwoRooms);
        var rewards = new float[1];
        var dones = new bool[1];
        foreach (var action in actions)
        {
            envs.Step([action], rewards, dones);
        }

        Assert.True(dones[0]);
        return envs;
    }
}
