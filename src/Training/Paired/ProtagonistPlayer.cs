using NasOrleans.Core.Paired;

namespace NasOrleans.Training.Paired;

/// <summary>Plays a trained student on one level, episode by episode, recording the cells it walks through (for <c>nas play</c>).</summary>
public static class ProtagonistPlayer
{
    /// <summary>Plays one episode of <paramref name="level"/> with <paramref name="agent"/>, sampling its policy (greedy when asked).</summary>
    public static PlayedEpisode Play(RecurrentAgent agent, GridLevel level, int studentSteps, bool greedy = false)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(level);
        var envs = new StudentEnvironments(level.Size, 1, studentSteps);
        envs.Load(0, level);
        using var rollout = agent.BeginRollout(1, studentSteps);
        var observation = new float[envs.ObservationLength];
        var action = new int[1];
        var reward = new float[1];
        var done = new bool[1];
        var path = new List<GridCell> { level.Agent };
        for (var t = 0; t < studentSteps; t++)
        {
            envs.WriteObservations(observation);
            rollout.Act(observation, action, greedy);
            envs.Step(action, reward, done);
            rollout.Record(reward, done);
            if (done[0])
            {
                if (reward[0] > 0)
                {
                    path.Add(level.Goal);
                }

                return new PlayedEpisode(path, reward[0] > 0, t + 1, reward[0]);
            }

            path.Add(envs.AgentCell(0));
        }

        return new PlayedEpisode(path, false, studentSteps, 0);
    }

    /// <summary>The level as text with the episode's path drawn (<c>*</c> on the cells it visited, the start and goal kept).</summary>
    public static string Draw(GridLevel level, PlayedEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(episode);
        var rows = level.ToText().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.TrimEnd('\r').ToCharArray()).ToArray();
        foreach (var cell in episode.Path.Distinct())
        {
            if (cell != level.Agent && cell != level.Goal && cell.Y < rows.Length && cell.X < rows[cell.Y].Length)
            {
                rows[cell.Y][cell.X] = '*';
            }
        }

        return string.Join('\n', rows.Select(r => new string(r))) + '\n';
    }
}
