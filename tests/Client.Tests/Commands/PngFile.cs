using System.Buffers.Binary;

namespace NasOrleans.Client.Tests.Commands;

/// <summary>Checks a written PNG: its signature, its IHDR size and that it holds more than a blank image.</summary>
internal static class PngFile
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void AssertPlot(string path, int width = 1000, int height = 600)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(Signature, bytes.Take(Signature.Length));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal((width, height), (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
        Assert.True(bytes.Length > 10_000, $"{path} has {bytes.Length} bytes: is anything drawn?");
    }
}
