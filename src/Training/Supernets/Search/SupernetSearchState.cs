using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>
/// What a supernet search checkpoint holds, and its bytes: a magic and version, a JSON header (step, the identity of the
/// search it belongs to, per-domain curves, rewards computed but not yet sent), then the supernet's weights and batch-norm
/// buffers (<see cref="Supernet.SaveWeights"/>) and the optimizer's state. The data order and the op warmup are
/// functions of the seed and the step, so the step is their whole generator state.
/// </summary>
internal sealed record SupernetSearchState(
    long Step,
    SupernetSearchIdentity Identity,
    List<List<SupernetCurvePoint>> Curves,
    List<List<StepReward>> PendingRewards,
    byte[] Weights,
    byte[] Optimizer)
{
    private const string Magic = "NASSUPERNET";
    private const int Version = 1;

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The checkpoint's bytes.</summary>
    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(JsonSerializer.Serialize(new Header(Step, Identity, Curves, PendingRewards), Json));
            writer.Write(Weights.Length);
            writer.Write(Weights);
            writer.Write(Optimizer.Length);
            writer.Write(Optimizer);
        }

        return stream.ToArray();
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static SupernetSearchState Deserialize(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() is var version && version != Version)
            {
                throw new InvalidDataException("The checkpoint is not a supernet search checkpoint of version 1.");
            }

            var header = JsonSerializer.Deserialize<Header>(reader.ReadString(), Json)
                ?? throw new InvalidDataException("The supernet search checkpoint has an empty header.");
            var weights = reader.ReadBytes(reader.ReadInt32());
            var optimizer = reader.ReadBytes(reader.ReadInt32());
            return new SupernetSearchState(header.Step, header.Identity, header.Curves, header.PendingRewards, weights, optimizer);
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException)
        {
            throw new InvalidDataException($"The supernet search checkpoint is truncated or malformed: {e.Message}", e);
        }
    }

    private sealed record Header(long Step, SupernetSearchIdentity Identity, List<List<SupernetCurvePoint>> Curves, List<List<StepReward>> PendingRewards);
}
