using System.Security.Cryptography;
using System.Text.Json;

namespace NasOrleans.Gateway.Auth;

/// <summary>
/// The keys file: a JSON array of <see cref="ApiKeyEntry"/>, readable by its owner only (mode 0600), replaced whole
/// (written beside and renamed) so that a gateway reading it never sees half a file.
/// </summary>
public static class ApiKeyFile
{
    /// <summary>Owner names: 1 to 64 characters of A-Z a-z 0-9 . _ @ -.</summary>
    public const int MaxOwnerLength = 64;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Only the file's owner reads or writes it.</summary>
    public const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The keys of <paramref name="path"/> (none when it does not exist); throws <see cref="InvalidDataException"/> naming the bad entry.</summary>
    public static IReadOnlyList<ApiKeyEntry> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return [];
        }

        List<ApiKeyEntry>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<ApiKeyEntry>>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the keys file {path} is not a JSON array of {{\"id\",\"owner\",\"scope\",\"sha256\"}} ({e.Message}); fix it or make a new one with `nas keys add`", e);
        }

        entries ??= [];
        for (var i = 0; i < entries.Count; i++)
        {
            var problem = Problem(entries[i]);
            if (problem is not null)
            {
                throw new InvalidDataException($"the keys file {path}, entry {i + 1} ('{entries[i]?.Id}'): {problem}");
            }
        }

        return entries;
    }

    /// <summary>Adds a new key for <paramref name="owner"/> with <paramref name="scope"/> to <paramref name="path"/> (made when missing) and returns the key's text, which is stored nowhere.</summary>
    public static (ApiKeyEntry Entry, string Key) Add(string path, string owner, string scope)
    {
        ArgumentNullException.ThrowIfNull(path);
        var key = ApiKeyText.Generate();
        var entry = new ApiKeyEntry("key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), owner, scope, ApiKeyText.Hash(key));
        if (Problem(entry) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var entries = Read(path).ToList();
        entries.Add(entry);
        WritePrivate(path, JsonSerializer.Serialize(entries, Json));
        return (entry, key);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> with mode 0600 (its folder 0700 when made here): written beside, then renamed over it.</summary>
    public static void WritePrivate(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var temporary = full + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateMode;
        }

        try
        {
            using (var writer = new StreamWriter(temporary, options))
            {
                writer.Write(text);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>What is wrong with <paramref name="entry"/>, or null.</summary>
    public static string? Problem(ApiKeyEntry? entry)
    {
        if (entry is null)
        {
            return "null; each entry is {\"id\",\"owner\",\"scope\",\"sha256\"}";
        }

        if (string.IsNullOrEmpty(entry.Owner) || entry.Owner.Length > MaxOwnerLength || !entry.Owner.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-'))
        {
            return $"owner '{entry.Owner}' is not allowed; use 1 to {MaxOwnerLength} characters of A-Z a-z 0-9 . _ @ -";
        }

        if (entry.Scope is not (ApiKeyDefaults.ReadScope or ApiKeyDefaults.WriteScope or ApiKeyDefaults.AdminScope))
        {
            return $"scope '{entry.Scope}' is not one of read, write, admin";
        }

        return ApiKeyText.ParseHash(entry.Sha256 ?? "") is null ? "sha256 is not 64 hex digits (the SHA-256 of the key, never the key)" : null;
    }
}
