using NasOrleans.Core.Paired;
using NasOrleans.Core.Strategies;
using NasOrleans.Training.Paired;

namespace NasOrleans.Training.Tests.Paired;

public sealed class PairedRoundTests
{
    private static PairedRoundSettings Settings(PairedMethod method, int envs = 4, int rolloutSteps = 50) => new(
        method,
        GridSize.Mini,
        GridSize.Mini.MaxWalls,
        PairedOptions.From(new ResolvedParameters(PairedOptions.Parameters, new Dictionary<string, string>
        {
            ["envs"] = $"{envs}", ["rollout_steps"] = $"{rolloutSteps}", ["epochs"] = "1", ["hidden"] = "16", ["noise_dim"] = "4", ["eval_episodes"] = "2",
        })),
        Seed: 7);

    [Fact]
    public void Run_SameStatesSeedAndRound_PlaysAndUpdatesIdentically()
    {
        var settings = Settings(PairedMethod.Paired);
        byte[][] Round()
        {
            using var agents = PairedAgents.Create(settings, null, null, null);
            var result = PairedRound.Run(settings, agents, round: 3, evaluate: false, CancellationToken.None);
            Assert.Equal(settings.Options.Envs, result.Levels.Count);
            return [agents.Adversary!.Save(), agents.Protagonist.Save(), agents.Antagonist!.Save(), [.. result.Levels.SelectMany(l => l.Encode()).Select(c => (byte)c)]];
        }

        var first = Round();
        var repeated = Round();

        Assert.Equal(first, repeated);
    }

    [Fact]
    public void Run_Paired_ReportsTheRegretTheAdversaryWasRewardedWith()
    {
        var settings = Settings(PairedMethod.Paired);
        using var agents = PairedAgents.Create(settings, null, null, null);

        var result = PairedRound.Run(settings, agents, round: 1, evaluate: false, CancellationToken.None);

        var m = result.Metrics;
        Assert.Equal(m["regret"], m["adversary_return"]);
        Assert.InRange(m["regret"], 0, 1);
        Assert.Equal(new[] { "adversary", "antagonist", "protagonist" }, result.Stats.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Stats.Values, s => Assert.Equal(1, s.Updates));
        Assert.Equal(result.Levels.Average(l => l.WallCount), m["walls"], 10);
        Assert.Equal(result.Levels.Count(l => l.IsSolvable) / (double)result.Levels.Count, m["solvable_share"], 10);
    }

    [Fact]
    public void Run_Minimax_RewardsTheAdversaryWithMinusTheProtagonistsReturn()
    {
        var settings = Settings(PairedMethod.Minimax);
        using var agents = PairedAgents.Create(settings, null, null, null);

        var result = PairedRound.Run(settings, agents, round: 1, evaluate: false, CancellationToken.None);

        Assert.Null(agents.Antagonist);
        Assert.Equal(-result.Metrics["protagonist_return"], result.Metrics["adversary_return"], 10);
        Assert.False(result.Metrics.ContainsKey("regret"));
    }

    [Fact]
    public void Run_DomainRandomizationWithEvaluation_ReportsEveryHeldOutLevel()
    {
        var settings = Settings(PairedMethod.DomainRandomization);
        using var agents = PairedAgents.Create(settings, null, null, null);

        var result = PairedRound.Run(settings, agents, round: 1, evaluate: true, CancellationToken.None);

        Assert.Null(agents.Adversary);
        Assert.All(HeldOutLevels.For(GridSize.Mini), l => Assert.InRange(result.Metrics[$"solved_{l.Name}"], 0, 1));
        Assert.True(result.Metrics.ContainsKey("heldout_solved_rate"));
    }

    [Fact]
    public void Run_RolloutShorterThanAnEpisode_IsRefusedBeforeAnyPlay()
    {
        var settings = Settings(PairedMethod.DomainRandomization, rolloutSteps: 20);
        using var agents = PairedAgents.Create(settings, null, null, null);

        var error = Assert.Throws<ArgumentException>(() => PairedRound.Run(settings, agents, 1, false, CancellationToken.None));

        Assert.Contains("raise rollout_steps", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, agents.Protagonist.Updates);
    }
}
