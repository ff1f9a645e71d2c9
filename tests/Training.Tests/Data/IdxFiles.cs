using System.Buffers.Binary;
using System.IO.Compression;

namespace NasOrleans.Training.Tests.Data;

/// <summary>Writes small IDX files for tests.</summary>
public static class IdxFiles
{
    public static void Write(string path, int[] dimensions, byte[] values, bool gzip)
    {
        using var file = System.IO.File.Create(path);
        using Stream stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        stream.Write([0, 0, 0x08, (byte)dimensions.Length]);
        Span<byte> number = stackalloc byte[4];
        foreach (var d in dimensions)
        {
            BinaryPrimitives.WriteInt32BigEndian(number, d);
            stream.Write(number);
        }

        stream.Write(values);
    }
}
