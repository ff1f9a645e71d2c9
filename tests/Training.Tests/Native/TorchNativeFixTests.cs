using System.Runtime.InteropServices;
using NasOrleans.Training.Native;

namespace NasOrleans.Training.Tests.Native;

public class TorchNativeFixTests
{
    private static readonly string? LibStdCxx = TorchNativeFix.FindLibStdCxx();

    /// <summary>Whether this system's libstdc++ lacks the version TorchSharp asks for (Debian 12).</summary>
    private static bool SystemLacksVersion =>
        LibStdCxx is not null && !ElfSymbolVersions.ReadDefinitions(LibStdCxx).Contains(TorchNativeFix.NeededVersion);

    [Fact]
    public void Apply_PristineLibraryOnOldLibStdCxx_MakesItLoadable()
    {
        using var library = new PristineTorchLibrary();
        library.LinkTorchLibraries();
        if (!SystemLacksVersion)
        {
            // Ubuntu 24.04, Debian 13: nothing to fix, and nothing is written.
            var before = File.ReadAllBytes(library.LibraryPath);
            Assert.Null(TorchNativeFix.Apply([library.Folder], LibStdCxx));
            Assert.Equal(before, File.ReadAllBytes(library.LibraryPath));
            return;
        }

        var refused = Assert.Throws<DllNotFoundException>(() => NativeLibrary.Load(library.LibraryPath));
        Assert.Contains(TorchNativeFix.NeededVersion, refused.Message, StringComparison.Ordinal);

        Assert.Null(TorchNativeFix.Apply([library.Folder], LibStdCxx));

        Assert.True(NativeLibrary.TryLoad(library.LibraryPath, out var handle));
        Assert.NotEqual(IntPtr.Zero, NativeLibrary.GetExport(handle, "THSTorch_manual_seed"));
    }

    [Fact]
    public void Apply_LibraryThatCannotBeFixed_ReturnsOneLineNamingItsPath()
    {
        var directory = Directory.CreateTempSubdirectory("nas-torchfix-").FullName;
        try
        {
            var path = Path.Combine(directory, TorchNativeFix.LibraryFileName);
            File.WriteAllText(path, "not a library");

            var problem = TorchNativeFix.Apply([directory], libStdCxx: null);

            Assert.NotNull(problem);
            Assert.StartsWith("TorchSharp cannot load: ", problem, StringComparison.Ordinal);
            Assert.Contains(path, problem, StringComparison.Ordinal);
            Assert.Contains(TorchNativeFix.NeededVersion, problem, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', problem);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Apply_LibraryInTheNuGetCache_LeavesItUnchanged()
    {
        using var library = new PristineTorchLibrary();
        var before = File.ReadAllBytes(library.LibraryPath);
        var previous = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", Path.GetDirectoryName(library.Folder));
        try
        {
            Assert.Null(TorchNativeFix.Apply([library.Folder], libStdCxx: null));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NUGET_PACKAGES", previous);
        }

        Assert.Equal(before, File.ReadAllBytes(library.LibraryPath));
        Assert.Null(TorchNativeFix.Apply([library.Folder], libStdCxx: null));
        Assert.NotEqual(before, File.ReadAllBytes(library.LibraryPath));
    }

    [Fact]
    public void Initialize_ThisTestProcess_MarkedTheLibraryBesideItWeakWhereNeeded()
    {
        var copy = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", TorchNativeFix.LibraryFileName);

        Assert.Null(TorchNativeFix.Problem);
        var need = Assert.Single(ElfSymbolVersions.ReadNeeds(copy), n => n.Version == TorchNativeFix.NeededVersion);
        Assert.Equal(SystemLacksVersion, need.IsWeak);
    }

    [Fact]
    public void FindLibStdCxx_InThisProcess_FindsTheLibStdCxxTheHostMapped()
    {
        Assert.NotNull(LibStdCxx);
        Assert.StartsWith("libstdc++.so.6", Path.GetFileName(LibStdCxx), StringComparison.Ordinal);
        Assert.Contains(File.ReadLines("/proc/self/maps"), line => line.EndsWith(LibStdCxx, StringComparison.Ordinal));
    }
}
