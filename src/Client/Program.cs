using System.CommandLine;
using NasOrleans.Client;
using NasOrleans.Client.Commands;
using NasOrleans.Hosting;
using NasOrleans.Training.Controllers;

// --check-torch: make TorchSharp loadable here and check that it runs (the images run it at build time).
if (TorchCheck.IsRequested(args))
{
    return TorchCheck.Run(Console.Out, Console.Error);
}

if (SlotWorkerEntry.IsWorker(args))
{
    return await SlotWorkerEntry.RunAsync(args);
}

var global = new GlobalOptions();
TorchControllers.Register();
var root = new RootCommand("nas: neural architecture search on Microsoft Orleans. Run a study with `nas run <spec.yaml>`.");
global.AddTo(root);
root.Subcommands.Add(RunCommand.Create(global));
root.Subcommands.Add(SubmitCommand.Create(global));
root.Subcommands.Add(ValidateCommand.Create(global));
root.Subcommands.Add(WatchCommand.Create(global));
root.Subcommands.Add(ListCommand.Create(global));
root.Subcommands.Add(SlotsCommand.Create(global));
root.Subcommands.Add(ShowCommand.Create(global));
root.Subcommands.Add(BestCommand.Create(global));
root.Subcommands.Add(CancelCommand.Create(global));
root.Subcommands.Add(DeleteCommand.Create(global));
root.Subcommands.Add(ExtendCommand.Create(global));
root.Subcommands.Add(ExportCommand.Create(global));
root.Subcommands.Add(PlayCommand.Create(global));
root.Subcommands.Add(ReportCommand.Create(global));
root.Subcommands.Add(BenchCommand.Create(global));
root.Subcommands.Add(ChaosCommand.Create(global));
root.Subcommands.Add(ServeCommand.Create(global));
root.Subcommands.Add(KeysCommand.Create(global));
// Ctrl-C cancels the command's token; give `nas run` time to drain its trainer slots and stop the silo cleanly.
// No response files: `@FILE` is ours (--postgres @FILE, --azure @FILE read a connection string from FILE; see ConnectionStringArgument).
var parsing = new ParserConfiguration { ResponseFileTokenReplacer = null };
return await CommandRunner.InvokeAsync(root.Parse(args, parsing), global, new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(40) });
