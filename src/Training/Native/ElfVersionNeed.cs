namespace NasOrleans.Training.Native;

/// <summary>
/// One entry of an ELF file's version needs (<c>.gnu.version_r</c>): a symbol version that the file asks of one of
/// the libraries it links, such as <c>GLIBCXX_3.4.32</c> of <c>libstdc++.so.6</c>.
/// </summary>
/// <param name="Library">The library the version is asked of (<c>vn_file</c>).</param>
/// <param name="Version">The version's name (<c>vna_name</c>).</param>
/// <param name="FlagsOffset">The file offset of the entry's <c>vna_flags</c> (two bytes, little-endian).</param>
/// <param name="Flags">The entry's flags; <see cref="WeakFlag"/> makes the dynamic loader accept a library without the version.</param>
public sealed record ElfVersionNeed(string Library, string Version, long FlagsOffset, ushort Flags)
{
    /// <summary><c>VER_FLG_WEAK</c>: a missing version is not an error when the library is loaded.</summary>
    public const ushort WeakFlag = 0x2;

    /// <summary>Whether the need is weak (<see cref="WeakFlag"/> set).</summary>
    public bool IsWeak => (Flags & WeakFlag) != 0;
}
