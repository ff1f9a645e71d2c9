using TorchSharp;

namespace NasOrleans.Training.Tests.Native;

/// <summary>A temporary folder with an unmodified copy of TorchSharp's native library, taken from the NuGet cache.</summary>
internal sealed class PristineTorchLibrary : IDisposable
{
    public PristineTorchLibrary()
    {
        var version = typeof(torch).Assembly.GetName().Version!;
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        Source = Path.Combine(root, "torchsharp", $"{version.Major}.{version.Minor}.{version.Build}", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Folder = Directory.CreateTempSubdirectory("nas-torchfix-").FullName;
        LibraryPath = Path.Combine(Folder, "libLibTorchSharp.so");
        File.Copy(Source, LibraryPath);
    }

    /// <summary>The library in the NuGet cache (never written).</summary>
    public string Source { get; }

    public string Folder { get; }

    /// <summary>The copy.</summary>
    public string LibraryPath { get; }

    /// <summary>Links libtorch's libraries (which the copy needs, found through its RUNPATH <c>$ORIGIN</c>) beside the copy.</summary>
    public void LinkTorchLibraries()
    {
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        foreach (var file in Directory.EnumerateFiles(native, "*.so*"))
        {
            var name = Path.GetFileName(file);
            if (name != "libLibTorchSharp.so")
            {
                File.CreateSymbolicLink(Path.Combine(Folder, name), file);
            }
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
