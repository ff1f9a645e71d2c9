using System.Buffers.Binary;
using System.IO.Compression;

namespace NasOrleans.Training.Data;

/// <summary>
/// Reads IDX files (the MNIST / Fashion-MNIST format), plain or gzipped (decided from the content): two zero
/// bytes, the type byte (0x08, unsigned bytes, is the only type supported), the number of dimensions, each
/// dimension as a big-endian 32-bit number, then the values.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByteType = 0x08;

    /// <summary>Reads the file at <paramref name="path"/>; throws <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> naming the file.</summary>
    public static IdxData Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The IDX file '{path}' does not exist.", path);
        }

        using var file = File.OpenRead(path);
        try
        {
            return Read(IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : file);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid IDX file: {e.Message}", e);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid IDX file: it ends before the data its header announces.", e);
        }
    }

    /// <summary>Reads an IDX stream (not gzipped); the stream is read to the announced end and not disposed.</summary>
    public static IdxData Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[4];
        stream.ReadExactly(header);
        if (header[0] != 0 || header[1] != 0)
        {
            throw new InvalidDataException($"the magic number starts with 0x{header[0]:x2}{header[1]:x2}, not 0x0000");
        }

        if (header[2] != UnsignedByteType)
        {
            throw new InvalidDataException($"the value type is 0x{header[2]:x2}; only unsigned bytes (0x08) are supported");
        }

        int rank = header[3];
        if (rank == 0)
        {
            throw new InvalidDataException("the header announces no dimensions");
        }

        var dimensions = new int[rank];
        Span<byte> number = stackalloc byte[4];
        long total = 1;
        for (var i = 0; i < rank; i++)
        {
            stream.ReadExactly(number);
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(number);
            if (dimensions[i] < 0)
            {
                throw new InvalidDataException($"dimension {i + 1} is negative ({dimensions[i]})");
            }

            total *= dimensions[i];
        }

        if (total > Array.MaxLength)
        {
            throw new InvalidDataException($"the dimensions {string.Join('x', dimensions)} hold {total} values, more than one array can");
        }

        var values = new byte[total];
        stream.ReadExactly(values);
        return new IdxData(dimensions, values);
    }

    /// <summary>Whether the stream starts with the gzip magic number; rewinds it.</summary>
    internal static bool IsGzip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
