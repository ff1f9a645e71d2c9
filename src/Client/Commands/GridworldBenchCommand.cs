using System.CommandLine;
using System.Diagnostics;
using NasOrleans.Client.Output;
using NasOrleans.Core.Paired;
using NasOrleans.Core.Randomness;
using NasOrleans.Training.Paired;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas bench gridworld</c>: environment steps per second of the gridworld alone (random actions, observations
/// written) and of batched student rollouts with the recurrent policy choosing the actions, side by side.
/// </summary>
internal static class GridworldBenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var size = new Option<string>("--size") { Description = "mini, medium or full (default full).", DefaultValueFactory = _ => "full" };
        var envs = new Option<int>("--envs") { Description = "Environments stepped together (default 32).", DefaultValueFactory = _ => 32 };
        var steps = new Option<int>("--steps") { Description = "Steps per environment (default 2000 alone; a tenth with the policy).", DefaultValueFactory = _ => 2000 };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (default 1).", DefaultValueFactory = _ => 1 };
        var command = new Command("gridworld", "Gridworld steps per second alone and in batched rollouts with the policy.") { size, envs, steps, threads };
        command.SetAction((result, ct) => CommandRunner.RunAsync(() =>
        {
            var settings = global.Read(result);
            var grid = GridSize.Parse(result.GetValue(size)!);
            var (n, s) = (result.GetValue(envs), result.GetValue(steps));
            if (n is < 1 or > 4096 || s is < 10 or > 1_000_000)
            {
                throw new CliException("--envs must be 1 to 4096 and --steps 10 to 1000000.", ExitCodes.InvalidInput);
            }

            TorchSharp.torch.set_num_threads(result.GetValue(threads));
            var alone = GridworldThroughput.StepsPerSecond(grid, n, s, seed: 1);
            var random = new DeterministicRandom(1);
            var levels = Enumerable.Range(0, n).Select(_ => RandomLevels.Sample(grid, grid.MaxWalls, random)).ToList();
            using var agent = new RecurrentAgent(PairedRoundSettings.StudentShape, new PpoSettings(), seed: 1);
            var policySteps = Math.Max(grid.StudentSteps, s / 10);
            var started = Stopwatch.GetTimestamp();
            using (StudentPlay.Play(agent, levels, policySteps, grid.StudentSteps, ct))
            {
            }

            var rolloutSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var withPolicy = (double)n * policySteps / rolloutSeconds;
            using var play = StudentPlay.Play(agent, levels, policySteps, grid.StudentSteps, ct);
            started = Stopwatch.GetTimestamp();
            agent.Update(play.Rollout);
            var updateSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (settings.Json)
            {
                JsonOutput.Write(new { size = grid.Name, envs = n, gridworld_steps_per_second = alone, rollout_steps_per_second = withPolicy, ratio = alone / withPolicy, ppo_update_seconds = updateSeconds, update_samples = n * policySteps });
            }
            else
            {
                Console.WriteLine($"gridworld {grid.Name}, {n} environments:");
                Console.WriteLine($"  alone (random actions, observations written): {alone:N0} steps/s");
                Console.WriteLine($"  batched rollout with the recurrent policy:     {withPolicy:N0} steps/s ({alone / withPolicy:F1}x slower: the policy's forward pass dominates)");
                Console.WriteLine($"  one PPO update of {n * policySteps:N0} samples ({new PpoSettings().Epochs} epochs): {updateSeconds:F2} s");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
