using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Paired;

/// <content>Saving and loading.</content>
public sealed partial class RecurrentAgent
{
    private const int Magic = 0x414F5050; // "PPOA"
    private const int FormatVersion = 1;

    /// <summary>
    /// Everything that decides the agent's future: shape and hidden size (checked on load), update count, parameters, the
    /// random generator's state and Adam's state (moments and step), so <see cref="Load"/> continues bit-identically.
    /// </summary>
    public byte[] Save()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            foreach (var n in Dimensions(Shape, Settings.Hidden))
            {
                writer.Write(n);
            }

            writer.Write(Updates);
            writer.Write(_net.Ordered.Count);
            using (var scope = NewDisposeScope())
            {
                foreach (var p in _net.Ordered)
                {
                    WriteBlock(writer, MemoryMarshal.AsBytes(p.detach().cpu().data<float>().ToArray().AsSpan()));
                }

                WriteBlock(writer, _generator.get_state().data<byte>().ToArray());
            }

            using var optimizerState = new MemoryStream();
            using (var optimizerWriter = new BinaryWriter(optimizerState, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                _optimizer.save_state_dict(optimizerWriter);
            }

            WriteBlock(writer, optimizerState.ToArray());
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The agent <paramref name="state"/> (from <see cref="Save"/>) describes, on <paramref name="device"/>; its learning rate
    /// and other PPO settings are <paramref name="settings"/>' (the hidden size must match).
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a saved agent, or it was saved with another shape or hidden size (the message says which, expected and found).</exception>
    public static RecurrentAgent Load(byte[] state, AgentShape shape, PpoSettings settings, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(settings);
        using var stream = new MemoryStream(state, writable: false);
        using var reader = new BinaryReader(stream);
        try
        {
            if (state.Length < 8 || reader.ReadInt32() != Magic || reader.ReadInt32() is var version && version != FormatVersion)
            {
                throw new InvalidDataException("These bytes are not a saved RecurrentAgent (format 1).");
            }

            var expected = Dimensions(shape, settings.Hidden);
            var found = expected.Select(_ => reader.ReadInt32()).ToArray();
            if (!found.SequenceEqual(expected))
            {
                throw new InvalidDataException(
                    $"The saved agent does not fit: expected {Describe(expected)}, found {Describe(found)}.");
            }

            var agent = new RecurrentAgent(shape, settings, 0, device);
            try
            {
                agent.Restore(reader);
                return agent;
            }
            catch
            {
                agent.Dispose();
                throw;
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The saved RecurrentAgent is truncated.", e);
        }
    }

    private void Restore(BinaryReader reader)
    {
        Updates = reader.ReadInt32();
        if (reader.ReadInt32() != _net.Ordered.Count)
        {
            throw new InvalidDataException("The saved agent has another number of parameter tensors than this network.");
        }

        using (var scope = NewDisposeScope())
        using (var noGrad = no_grad())
        {
            foreach (var p in _net.Ordered)
            {
                var values = MemoryMarshal.Cast<byte, float>(ReadBlock(reader)).ToArray();
                if (values.Length != p.numel())
                {
                    throw new InvalidDataException($"A saved parameter has {values.Length} values; this network's has {p.numel()}.");
                }

                p.copy_(tensor(values, p.shape).to(p.device));
            }

            _generator.set_state(tensor(ReadBlock(reader)));
        }

        using var optimizerState = new MemoryStream(ReadBlock(reader), writable: false);
        using var optimizerReader = new BinaryReader(optimizerState);
        _optimizer.load_state_dict(optimizerReader);

        // The saved state carries the learning rate it was saved with; the settings given to Load win.
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = Settings.LearningRate;
        }
    }

    private static int[] Dimensions(AgentShape shape, int hidden) => [shape.Planes, shape.Height, shape.Width, shape.Extras, shape.Actions, hidden];

    private static string Describe(int[] d) => $"{new AgentShape(d[0], d[1], d[2], d[3], d[4])}, hidden {d[5]}";

    private static void WriteBlock(BinaryWriter writer, ReadOnlySpan<byte> bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static byte[] ReadBlock(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        return bytes.Length == length ? bytes : throw new EndOfStreamException();
    }
}
