using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using NasOrleans.Core.Paired;

namespace NasOrleans.Training.Paired;

/// <summary>
/// The trained protagonist as <c>nas export</c> writes it and <c>nas play</c> reads it: a zip of <c>manifest.json</c>
/// (format, grid size, episode steps, LSTM width, method, round) and <c>protagonist.bin</c> (the agent's package).
/// </summary>
/// <param name="Size">The grid it was trained on.</param>
/// <param name="StudentSteps">Steps of an episode before it times out.</param>
/// <param name="Hidden">LSTM width.</param>
/// <param name="Method">The algorithm name.</param>
/// <param name="Round">The round it was saved at.</param>
/// <param name="Agent">The agent's package (<see cref="RecurrentAgent.Save"/>).</param>
public sealed record ProtagonistPackage(GridSize Size, int StudentSteps, int Hidden, string Method, long Round, byte[] Agent)
{
    /// <summary>The manifest's format name.</summary>
    public const string Format = "nasorleans.paired-protagonist/1";

    /// <summary>The zip's bytes.</summary>
    public byte[] ToBytes()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifest = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["format"] = Format,
                ["size"] = Size.Name,
                ["student_steps"] = StudentSteps.ToString(CultureInfo.InvariantCulture),
                ["hidden"] = Hidden.ToString(CultureInfo.InvariantCulture),
                ["method"] = Method,
                ["round"] = Round.ToString(CultureInfo.InvariantCulture),
            };
            using (var s = zip.CreateEntry("manifest.json").Open())
            {
                JsonSerializer.Serialize(s, manifest);
            }

            using var a = zip.CreateEntry("protagonist.bin").Open();
            a.Write(Agent);
        }

        return memory.ToArray();
    }

    /// <summary>Reads a package; throws <see cref="InvalidDataException"/> naming what is wrong with it.</summary>
    public static ProtagonistPackage Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var manifestEntry = zip.GetEntry("manifest.json") ?? throw new InvalidDataException("the package has no manifest.json; it is not a protagonist exported by nas export");
            Dictionary<string, string> manifest;
            using (var s = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(s) ?? [];
            }

            if (manifest.GetValueOrDefault("format") != Format)
            {
                throw new InvalidDataException($"the package's format is '{manifest.GetValueOrDefault("format")}', not {Format}");
            }

            var agentEntry = zip.GetEntry("protagonist.bin") ?? throw new InvalidDataException("the package has no protagonist.bin");
            using var agent = new MemoryStream();
            using (var s = agentEntry.Open())
            {
                s.CopyTo(agent);
            }

            return new ProtagonistPackage(
                GridSize.Parse(manifest["size"]),
                int.Parse(manifest["student_steps"], CultureInfo.InvariantCulture),
                int.Parse(manifest["hidden"], CultureInfo.InvariantCulture),
                manifest["method"],
                long.Parse(manifest["round"], CultureInfo.InvariantCulture),
                agent.ToArray());
        }
        catch (Exception e) when (e is InvalidDataException or KeyNotFoundException or FormatException or JsonException or ArgumentException)
        {
            throw new InvalidDataException($"not a readable protagonist package: {e.Message}", e);
        }
    }

    /// <summary>The agent, loaded on <paramref name="device"/>.</summary>
    public RecurrentAgent LoadAgent(string device = "cpu") =>
        RecurrentAgent.Load(Agent, PairedRoundSettings.StudentShape, new PpoSettings { Hidden = Hidden }, device);
}
