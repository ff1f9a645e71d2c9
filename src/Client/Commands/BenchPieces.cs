using System.Text.Json;
using System.Text.Json.Serialization;

namespace NasOrleans.Client.Commands;

/// <summary>
/// The resumable pieces of a benchmark: one JSON file per unit of work under a folder, written atomically (a temporary
/// file, then a move) when the unit ends; a unit whose file is there is read back instead of run.
/// </summary>
internal sealed class BenchPieces(string directory, Action<string> log)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Units run in this process.</summary>
    public int Run { get; private set; }

    /// <summary>Units read back from earlier runs.</summary>
    public int Reused { get; private set; }

    /// <summary>The piece <paramref name="name"/> (a relative path ending in .json): read back, or made by <paramref name="make"/> and written, logged as <c>name: describe(result)</c>.</summary>
    public Task<T> GetOrRunAsync<T>(string name, Func<Task<T>> make, Func<T, string> describe)
        where T : class =>
        GetOrRunAsync(name, make, made => $"{name}: {describe(made)}", reused: null);

    /// <summary>
    /// The piece <paramref name="name"/>: read back (logging <paramref name="reused"/>'s line when given), or made by
    /// <paramref name="make"/>, written, and logged as <paramref name="ran"/>'s line.
    /// </summary>
    public async Task<T> GetOrRunAsync<T>(string name, Func<Task<T>> make, Func<T, string> ran, Func<string>? reused)
        where T : class
    {
        var file = Path.Combine(directory, name);
        if (File.Exists(file) && JsonSerializer.Deserialize<T>(await File.ReadAllTextAsync(file).ConfigureAwait(false), Json) is { } done)
        {
            Reused++;
            if (reused is not null)
            {
                log(reused());
            }

            return done;
        }

        var made = await make().ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file + ".tmp", JsonSerializer.Serialize(made, Json)).ConfigureAwait(false);
        File.Move(file + ".tmp", file, overwrite: true);
        Run++;
        log(ran(made));
        return made;
    }
}
