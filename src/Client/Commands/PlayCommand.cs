using System.CommandLine;
using System.Globalization;
using NasOrleans.Client.Backends;
using NasOrleans.Client.Output;
using NasOrleans.Client.Plots;
using NasOrleans.Core.Paired;
using NasOrleans.Training.Paired;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas play [study] --level NAME [--png FILE]</c>: plays an environment-design study's trained protagonist (or an
/// exported package) on a held-out level, prints the level with the path it walked, and its solved rate over episodes.
/// </summary>
internal static class PlayCommand
{
    public static Command Create(GlobalOptions global)
    {
        var study = new Argument<string?>("study") { Description = "The study (paired, minimax or domain-randomization; default: the latest).", Arity = ArgumentArity.ZeroOrOne };
        var level = new Option<string>("--level") { Description = "The held-out level to play (mini: Empty, TwoRooms, FourRooms, Cluttered, Maze; full: Empty, FourRooms, SixteenRooms, Labyrinth, Maze).", Required = true };
        var png = new Option<FileInfo?>("--png") { Description = "Also draw the level and the path as a PNG." };
        var package = new Option<FileInfo?>("--package") { Description = "Play a protagonist exported by nas export instead of a study's." };
        var episodes = new Option<int>("--episodes") { Description = "Episodes to measure the solved rate over (default 100).", DefaultValueFactory = _ => 100 };
        var greedy = new Option<bool>("--greedy") { Description = "Take the policy's most likely action instead of sampling it (as in training)." };
        var command = new Command("play", "Play a trained protagonist on a held-out level: print the level and its path, and its solved rate.") { study, level, png, package, episodes, greedy };
        command.SetAction((result, ct) => CommandRunner.RunAsync(async () =>
        {
            var settings = global.Read(result);
            if (result.GetValue(episodes) is < 1 or > 100_000)
            {
                throw new CliException("--episodes must be between 1 and 100000.", ExitCodes.InvalidInput);
            }

            var protagonist = await LoadAsync(global, result, study, package, ct);
            NamedLevel named;
            try
            {
                named = HeldOutLevels.Find(protagonist.Size, result.GetValue(level)!);
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"--level: {ex.Message}", ExitCodes.InvalidInput);
            }

            using var agent = protagonist.LoadAgent();
            var episode = ProtagonistPlayer.Play(agent, named.Level, protagonist.StudentSteps, result.GetValue(greedy));
            var solved = Enumerable.Range(0, result.GetValue(episodes)).Count(_ => ProtagonistPlayer.Play(agent, named.Level, protagonist.StudentSteps, result.GetValue(greedy)).Solved);
            var rate = solved / (double)result.GetValue(episodes);
            string? image = null;
            if (result.GetValue(png) is { } file)
            {
                OutputFile.EnsureWritable(file.FullName, "--png");
                image = LevelChart.Save(named.Level, episode.Path, $"{named.Name}: {(episode.Solved ? $"solved in {episode.Steps} steps" : "not solved")}", file.FullName);
            }

            if (settings.Json)
            {
                JsonOutput.Write(new
                {
                    level = named.Name,
                    size = protagonist.Size.Name,
                    solved = episode.Solved,
                    steps = episode.Steps,
                    shortest_path = named.Level.ShortestPath(),
                    path = episode.Path.Select(c => new[] { c.X, c.Y }).ToList(),
                    solved_rate = rate,
                    episodes = result.GetValue(episodes),
                    png = image,
                });
                return ExitCodes.Ok;
            }

            Console.WriteLine($"{named.Name} ({protagonist.Size.Name}, shortest path {named.Level.ShortestPath()} moves), protagonist of {protagonist.Method} at round {protagonist.Round}:");
            Console.Write(ProtagonistPlayer.Draw(named.Level, episode));
            Console.WriteLine(episode.Solved ? $"solved in {episode.Steps} steps (return {episode.Return.ToString("0.###", CultureInfo.InvariantCulture)})" : $"not solved in {episode.Steps} steps");
            Console.WriteLine($"solved {solved} of {result.GetValue(episodes)} episodes ({rate.ToString("0.###", CultureInfo.InvariantCulture)})");
            if (image is not null)
            {
                Console.WriteLine($"  {image}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<ProtagonistPackage> LoadAsync(GlobalOptions global, ParseResult result, Argument<string?> study, Option<FileInfo?> package, CancellationToken ct)
    {
        if (result.GetValue(package) is { } file)
        {
            if (!file.Exists)
            {
                throw new CliException($"--package {file.FullName} does not exist; write one with nas export STUDY --out FILE.", ExitCodes.NotFound);
            }

            try
            {
                return ProtagonistPackage.Read(await File.ReadAllBytesAsync(file.FullName, ct));
            }
            catch (InvalidDataException ex)
            {
                throw new CliException($"--package {file.FullName}: {ex.Message}", ExitCodes.InvalidInput);
            }
        }

        await using var client = await StudyClientFactory.OpenAsync(global.Read(result), ct);
        var summary = await StudyResolver.ResolveAsync(client, result.GetValue(study), ct);
        if (!PairedStudy.IsEnvironmentDesign(summary))
        {
            throw new CliException($"Study {summary.StudyId} runs '{summary.Algorithm}'; nas play plays the protagonist of a paired, minimax or domain-randomization study.", ExitCodes.InvalidInput);
        }

        return (await PairedExport.ReadAsync(client, summary, ct)).Package;
    }
}
