using System.CommandLine;

namespace NasOrleans.Client.Commands;

/// <summary><c>nas bench</c>: benchmarks that print figures (NAS-Bench-201 replay, grain-path throughput, training throughput, control-plane overhead under load, strategy persistence at scale, MPNAS, TuNAS, PAIRED, gridworld throughput).</summary>
internal static class BenchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("bench", "Benchmarks that print figures.");
        command.Subcommands.Add(Nb201BenchCommand.Create(global));
        command.Subcommands.Add(ScaleBenchCommand.Create(global));
        command.Subcommands.Add(ThroughputBenchCommand.Create(global));
        command.Subcommands.Add(AskTellBenchCommand.Create(global));
        command.Subcommands.Add(TrainBenchCommand.Create(global));
        command.Subcommands.Add(LoadBenchCommand.Create(global));
        command.Subcommands.Add(MpnasBenchCommand.Create(global));
        command.Subcommands.Add(TunasBenchCommand.Create(global));
        command.Subcommands.Add(PairedBenchCommand.Create(global));
        command.Subcommands.Add(GridworldBenchCommand.Create(global));
        return command;
    }
}
