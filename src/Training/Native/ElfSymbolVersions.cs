using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NasOrleans.Training.Native;

/// <summary>
/// Reads the symbol-version sections of a 64-bit little-endian ELF file (<c>.gnu.version_r</c>, the versions it
/// needs; <c>.gnu.version_d</c>, the versions it defines) and marks a need weak in place, in plain C# (no
/// <c>readelf</c>, <c>patchelf</c> or compiler). Malformed or truncated files throw <see cref="InvalidDataException"/>
/// naming the file, and are never written.
/// </summary>
public static class ElfSymbolVersions
{
    private const uint VersionNeedSection = 0x6ffffffe; // SHT_GNU_verneed
    private const uint VersionDefinitionSection = 0x6ffffffd; // SHT_GNU_verdef
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int MaxEntries = 1 << 16;

    /// <summary>The versions that the file at <paramref name="path"/> needs of the libraries it links (none when it has no <c>.gnu.version_r</c>).</summary>
    public static IReadOnlyList<ElfVersionNeed> ReadNeeds(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return ReadNeeds(handle, path);
    }

    /// <summary>The versions that the file at <paramref name="path"/> defines (<c>.gnu.version_d</c>; none when it has none).</summary>
    public static IReadOnlyList<string> ReadDefinitions(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var file = new ElfReader(handle, path);
        var result = new List<string>();
        foreach (var section in file.Sections.Where(s => s.Type == VersionDefinitionSection))
        {
            var data = file.ReadSection(section);
            var strings = file.ReadSection(file.LinkedSection(section));
            var offset = 0L;
            for (var i = 0; i < Math.Min(section.Info, MaxEntries); i++)
            {
                // Elf64_Verdef: vd_version, vd_flags, vd_ndx, vd_cnt (u16 each), vd_hash, vd_aux, vd_next (u32 each).
                var count = file.U16(data, offset + 6);
                var aux = offset + file.U32(data, offset + 12);
                for (var j = 0; j < count; j++)
                {
                    // Elf64_Verdaux: vda_name, vda_next (u32 each).
                    result.Add(file.String(strings, file.U32(data, aux)));
                    aux += file.U32(data, aux + 4);
                }

                var next = file.U32(data, offset + 16);
                if (next == 0)
                {
                    break;
                }

                offset += next;
            }
        }

        return result;
    }

    /// <summary>
    /// Sets <see cref="ElfVersionNeed.WeakFlag"/> on every need of <paramref name="version"/> in the file at
    /// <paramref name="path"/>, writing two bytes per need in place. Returns whether it wrote anything: false when
    /// every such need is already weak or the file needs no such version. Idempotent, decided from the file itself,
    /// and safe with two processes at once (they write the same bytes at the same offsets).
    /// </summary>
    public static bool MarkNeedWeak(string path, string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        var needs = ReadNeeds(path).Where(n => n.Version == version && !n.IsWeak).ToList();
        if (needs.Count == 0)
        {
            return false;
        }

        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> flags = stackalloc byte[2];
        foreach (var need in needs)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(flags, (ushort)(need.Flags | ElfVersionNeed.WeakFlag));
            RandomAccess.Write(handle, flags, need.FlagsOffset);
        }

        RandomAccess.FlushToDisk(handle);
        return true;
    }

    private static List<ElfVersionNeed> ReadNeeds(SafeFileHandle handle, string path)
    {
        var file = new ElfReader(handle, path);
        var result = new List<ElfVersionNeed>();
        foreach (var section in file.Sections.Where(s => s.Type == VersionNeedSection))
        {
            var data = file.ReadSection(section);
            var strings = file.ReadSection(file.LinkedSection(section));
            var offset = 0L;
            for (var i = 0; i < Math.Min(section.Info, MaxEntries); i++)
            {
                // Elf64_Verneed: vn_version, vn_cnt (u16 each), vn_file, vn_aux, vn_next (u32 each).
                var count = file.U16(data, offset + 2);
                var library = file.String(strings, file.U32(data, offset + 4));
                var aux = offset + file.U32(data, offset + 8);
                for (var j = 0; j < count; j++)
                {
                    // Elf64_Vernaux: vna_hash (u32), vna_flags, vna_other (u16 each), vna_name, vna_next (u32 each).
                    var flags = file.U16(data, aux + 4);
                    var name = file.String(strings, file.U32(data, aux + 8));
                    result.Add(new ElfVersionNeed(library, name, section.Offset + aux + 4, flags));
                    var next = file.U32(data, aux + 12);
                    if (next == 0)
                    {
                        break;
                    }

                    aux += next;
                }

                var nextNeed = file.U32(data, offset + 12);
                if (nextNeed == 0)
                {
                    break;
                }

                offset += nextNeed;
            }
        }

        return result;
    }

    private readonly record struct Section(uint Type, long Offset, long Size, uint Link, uint Info);

    /// <summary>The header and section table of one file, with bounds-checked reads.</summary>
    private sealed class ElfReader
    {
        private readonly SafeFileHandle _handle;
        private readonly string _path;
        private readonly long _length;

        public ElfReader(SafeFileHandle handle, string path)
        {
            _handle = handle;
            _path = path;
            _length = RandomAccess.GetLength(handle);
            var header = Read(0, HeaderSize, "the ELF header");
            if (header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
            {
                throw Invalid("it does not start with the ELF magic number");
            }

            if (header[4] != 2 || header[5] != 1)
            {
                throw Invalid("it is not a 64-bit little-endian ELF file");
            }

            var tableOffset = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(0x28)));
            var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3a));
            var count = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3c));
            if (count > 0 && entrySize < SectionHeaderSize)
            {
                throw Invalid($"its section headers are {entrySize} bytes, not {SectionHeaderSize}");
            }

            var table = Read(tableOffset, count * entrySize, "the section headers");
            Sections = Enumerable.Range(0, count).Select(i =>
            {
                var s = table.AsSpan(i * entrySize, SectionHeaderSize);
                return new Section(
                    BinaryPrimitives.ReadUInt32LittleEndian(s[4..]),
                    checked((long)BinaryPrimitives.ReadUInt64LittleEndian(s[24..])),
                    checked((long)BinaryPrimitives.ReadUInt64LittleEndian(s[32..])),
                    BinaryPrimitives.ReadUInt32LittleEndian(s[40..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(s[44..]));
            }).ToList();
        }

        public IReadOnlyList<Section> Sections { get; }

        public Section LinkedSection(Section section) =>
            section.Link < Sections.Count ? Sections[(int)section.Link] : throw Invalid($"a section links to section {section.Link}, past the {Sections.Count} it has");

        public byte[] ReadSection(Section section) =>
            section.Size > int.MaxValue ? throw Invalid("a version section is larger than 2 GB") : Read(section.Offset, (int)section.Size, "a version section");

        public ushort U16(byte[] data, long offset) =>
            offset >= 0 && offset + 2 <= data.Length ? BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan((int)offset)) : throw Invalid("a version entry runs past its section");

        public uint U32(byte[] data, long offset) =>
            offset >= 0 && offset + 4 <= data.Length ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan((int)offset)) : throw Invalid("a version entry runs past its section");

        public string String(byte[] strings, uint offset)
        {
            if (offset >= strings.Length)
            {
                throw Invalid("a version name lies past its string table");
            }

            var end = Array.IndexOf(strings, (byte)0, (int)offset);
            return end < 0 ? throw Invalid("a version name is not terminated") : Encoding.UTF8.GetString(strings, (int)offset, end - (int)offset);
        }

        private byte[] Read(long offset, int count, string what)
        {
            if (offset < 0 || count < 0 || offset + count > _length)
            {
                throw Invalid($"{what} (bytes {offset} to {offset + count}) lie past its end ({_length} bytes): it is truncated");
            }

            var buffer = new byte[count];
            var done = 0;
            while (done < count)
            {
                var read = RandomAccess.Read(_handle, buffer.AsSpan(done), offset + done);
                if (read == 0)
                {
                    throw Invalid($"{what} could not be read to the end: it is truncated");
                }

                done += read;
            }

            return buffer;
        }

        private InvalidDataException Invalid(string why) => new($"{_path} is not a valid ELF file: {why}.");
    }
}
