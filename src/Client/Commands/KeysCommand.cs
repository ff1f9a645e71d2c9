using System.CommandLine;
using NasOrleans.Client.Output;
using NasOrleans.Gateway.Auth;

namespace NasOrleans.Client.Commands;

/// <summary>
/// <c>nas keys add --file F --owner O --scope S [--out KEYFILE]</c>: adds an API key to the gateway's keys file (which
/// keeps only its SHA-256, mode 0600) and hands the key over once: on stdout, or into KEYFILE (mode 0600). A running
/// gateway reads the file again within seconds.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(GlobalOptions global)
    {
        var file = new Option<FileInfo>("--file") { Description = "The keys file (Nas:Gateway:ApiKeysFile; made when missing).", Required = true };
        var owner = new Option<string>("--owner") { Description = "The owner the key acts for: its studies are this owner's (1 to 64 of A-Z a-z 0-9 . _ @ -).", Required = true };
        var scope = new Option<string>("--scope") { Description = "read (read the owner's studies), write (also create, cancel, delete, extend and work trials) or admin (every owner's studies).", Required = true };
        scope.AcceptOnlyFromAmong(ApiKeyDefaults.ReadScope, ApiKeyDefaults.WriteScope, ApiKeyDefaults.AdminScope);
        var output = new Option<FileInfo?>("--out") { Description = "Write the key into this new file (mode 0600) instead of stdout." };
        var add = new Command("add", "Add an API key for the gateway service; the key is shown once, the file keeps its hash.") { file, owner, scope, output };
        add.SetAction((result, ct) => CommandRunner.RunAsync(() =>
        {
            var settings = global.Read(result);
            var keyFile = result.GetValue(output);
            if (keyFile is { Exists: true })
            {
                throw new CliException($"{keyFile.FullName} exists; give --out a new file (a key file is never overwritten), or remove it first.", ExitCodes.InvalidInput);
            }

            (ApiKeyEntry Entry, string Key) added;
            try
            {
                added = ApiKeyFile.Add(result.GetValue(file)!.FullName, result.GetValue(owner)!, result.GetValue(scope)!);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException)
            {
                throw new CliException(e.Message, ExitCodes.InvalidInput);
            }

            if (keyFile is not null)
            {
                ApiKeyFile.WritePrivate(keyFile.FullName, added.Key + "\n");
            }

            if (settings.Json)
            {
                JsonOutput.Write(new { added.Entry.Id, added.Entry.Owner, added.Entry.Scope, file = result.GetValue(file)!.FullName, key_file = keyFile?.FullName, key = keyFile is null ? added.Key : null });
            }
            else if (keyFile is null)
            {
                Console.Out.WriteLine(added.Key);
            }

            Console.Error.WriteLine($"Added key {added.Entry.Id} ({added.Entry.Scope}) for {added.Entry.Owner} to {result.GetValue(file)!.FullName}" +
                (keyFile is null ? "; it is shown once, above." : $"; the key is in {keyFile.FullName}."));
            return Task.FromResult(ExitCodes.Ok);
        }));
        return new Command("keys", "API keys of the gateway service (nas serve, Nas:Gateway).") { add };
    }
}
