using System.Diagnostics;
using NasOrleans.Training.Native;

namespace NasOrleans.Training.Tests.Native;

public class ElfSymbolVersionsTests
{
    private const string Version = TorchNativeFix.NeededVersion;

    [Fact]
    public void ReadNeeds_PristineTorchSharpLibrary_SeesTheLibStdCxxNeedAsNotWeak()
    {
        using var library = new PristineTorchLibrary();

        var needs = ElfSymbolVersions.ReadNeeds(library.LibraryPath);

        var need = Assert.Single(needs, n => n.Version == Version);
        Assert.Equal("libstdc++.so.6", need.Library);
        Assert.False(need.IsWeak);
        Assert.Contains(needs, n => n.Library == "libc.so.6" && n.Version.StartsWith("GLIBC_2.", StringComparison.Ordinal));
    }

    [Fact]
    public void MarkNeedWeak_PristineLibrary_SetsOnlyTheWeakFlagOfThatNeed()
    {
        using var library = new PristineTorchLibrary();
        var before = File.ReadAllBytes(library.LibraryPath);

        var wrote = ElfSymbolVersions.MarkNeedWeak(library.LibraryPath, Version);

        Assert.True(wrote);
        Assert.True(Assert.Single(ElfSymbolVersions.ReadNeeds(library.LibraryPath), n => n.Version == Version).IsWeak);
        Assert.All(ElfSymbolVersions.ReadNeeds(library.LibraryPath).Where(n => n.Version != Version), n => Assert.False(n.IsWeak));
        var after = File.ReadAllBytes(library.LibraryPath);
        Assert.Equal(before.Length, after.Length);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Single(changed);
        Assert.Equal(ElfVersionNeed.WeakFlag, after[changed[0]] & ~before[changed[0]]);
        if (ReadElf(library.LibraryPath) is { } listing)
        {
            Assert.Matches($@"Name: {Version.Replace(".", @"\.", StringComparison.Ordinal)}\s+Flags: WEAK", listing);
        }
    }

    [Fact]
    public void MarkNeedWeak_Twice_TheSecondChangesNothing()
    {
        using var library = new PristineTorchLibrary();
        Assert.True(ElfSymbolVersions.MarkNeedWeak(library.LibraryPath, Version));
        var once = File.ReadAllBytes(library.LibraryPath);

        var wrote = ElfSymbolVersions.MarkNeedWeak(library.LibraryPath, Version);

        Assert.False(wrote);
        Assert.Equal(once, File.ReadAllBytes(library.LibraryPath));
    }

    [Fact]
    public void MarkNeedWeak_VersionTheFileDoesNotNeed_WritesNothing()
    {
        using var library = new PristineTorchLibrary();
        var before = File.ReadAllBytes(library.LibraryPath);

        Assert.False(ElfSymbolVersions.MarkNeedWeak(library.LibraryPath, "GLIBCXX_9.9.99"));
        Assert.Equal(before, File.ReadAllBytes(library.LibraryPath));
    }

    [Fact]
    public void MarkNeedWeak_NonElfFile_ThrowsNamingTheFileAndLeavesItUnchanged()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, string.Concat(Enumerable.Repeat("#!/bin/sh\necho not a library\n", 8)));
            var before = File.ReadAllBytes(path);

            var error = Assert.Throws<InvalidDataException>(() => ElfSymbolVersions.MarkNeedWeak(path, Version));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("ELF magic", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MarkNeedWeak_TruncatedLibrary_ThrowsAndLeavesItUnchanged()
    {
        using var library = new PristineTorchLibrary();
        var head = File.ReadAllBytes(library.LibraryPath)[..(1 << 20)];
        File.WriteAllBytes(library.LibraryPath, head);

        var error = Assert.Throws<InvalidDataException>(() => ElfSymbolVersions.MarkNeedWeak(library.LibraryPath, Version));

        Assert.Contains(library.LibraryPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Equal(head, File.ReadAllBytes(library.LibraryPath));
    }

    [Fact]
    public void ReadDefinitions_SystemLibStdCxx_ListsItsGlibcxxVersions()
    {
        var libStdCxx = TorchNativeFix.FindLibStdCxx();
        Assert.NotNull(libStdCxx);

        var definitions = ElfSymbolVersions.ReadDefinitions(libStdCxx);

        Assert.Contains("GLIBCXX_3.4", definitions);
        Assert.Contains("CXXABI_1.3", definitions);
        Assert.Equal(File.ReadAllBytes(libStdCxx).AsSpan().IndexOf("GLIBCXX_3.4.32\0"u8) >= 0, definitions.Contains("GLIBCXX_3.4.32"));
    }

    /// <summary><c>readelf -V</c> of the file where binutils is installed, else null.</summary>
    private static string? ReadElf(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("readelf", ["-V", path]) { RedirectStandardOutput = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
