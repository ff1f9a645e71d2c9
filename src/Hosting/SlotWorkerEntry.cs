using System.Reflection;
using NasOrleans.Core;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Training;
using NasOrleans.Grains.Training.Workers;
using NasOrleans.Training;

namespace NasOrleans.Hosting;

/// <summary>
/// The worker process of an isolated trainer slot (<see cref="SlotIsolation.Process"/>): every host that runs slots
/// (<c>nas</c>, <c>nas-silo</c>, <c>nas-trainer</c>) starts itself again with <see cref="Verb"/> as the first argument,
/// and its entry point hands such a start to <see cref="RunAsync"/> before building a silo.
/// </summary>
public static class SlotWorkerEntry
{
    /// <summary>The first argument of a worker process.</summary>
    public const string Verb = "slot-worker";

    /// <summary>True when <paramref name="args"/> start a worker process.</summary>
    public static bool IsWorker(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0 && string.Equals(args[0], Verb, StringComparison.Ordinal);
    }

    /// <summary>Serves the slot on standard input and output until the input closes; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var shared = ValueOf(args, "--shared");
        var environment = new TrainerEnvironment(SharedDirectory.Resolve(shared), TimeProvider.System) { ArtifactDirectory = ValueOf(args, "--artifacts") };
        var trainers = new StudyTrainers(TorchTrainers.Catalog, environment);
        using var input = new StreamReader(Console.OpenStandardInput());
        await using var output = new StreamWriter(Console.OpenStandardOutput());
        await new SlotWorkerServer(trainers).RunAsync(input, output, CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The command that starts a worker of this process's host for a silo with <paramref name="options"/>.</summary>
    public static SlotWorkerCommand CommandFor(NasSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the process path is unknown, so no slot worker can be started; use SlotIsolation=Inline");
        var arguments = new List<string>();
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal))
        {
            arguments.Add(Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("the entry assembly is unknown, so no slot worker can be started; use SlotIsolation=Inline"));
        }

        arguments.AddRange([Verb, "--artifacts", options.ResolvedArtifactDirectory]);
        if (SharedDirectory.Resolve(options.SharedDirectory) is { } shared)
        {
            arguments.AddRange(["--shared", shared]);
        }

        return new SlotWorkerCommand(host, arguments);
    }

    private static string? ValueOf(IReadOnlyList<string> args, string name)
    {
        for (var i = 1; i < args.Count - 1; i++)
        {
            if (string.Equals(args[i], name, StringComparison.Ordinal))
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
