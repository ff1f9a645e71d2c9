using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NasOrleans.Training.Native;

/// <summary>
/// Makes TorchSharp's native library load on systems whose libstdc++ is older than GCC 13's (Debian 12).
/// <c>libLibTorchSharp.so</c> (TorchSharp 0.107) asks <c>GLIBCXX_3.4.32</c> for one symbol,
/// <c>std::ios_base_library_init()</c>, that no relocation uses; Debian 12's libstdc++ stops at 3.4.30. Marking
/// that version need weak in the copy beside the application is all the loader needs. This runs by itself when the
/// NasOrleans.Training assembly is first used (before any of its code touches TorchSharp), in plain C#: no
/// <c>patchelf</c>, compiler or root. It is decided from the library itself (so it survives a build copying a
/// pristine library over a fixed one), idempotent, a no-op where libstdc++ is new enough and outside Linux x64, and
/// it never writes into the NuGet package cache.
/// </summary>
public static class TorchNativeFix
{
    /// <summary>The file name of TorchSharp's native library.</summary>
    public const string LibraryFileName = "libLibTorchSharp.so";

    /// <summary>The libstdc++ version that <see cref="LibraryFileName"/> asks for and Debian 12 lacks.</summary>
    public const string NeededVersion = "GLIBCXX_3.4.32";

    private static readonly string[] StandardLibraryDirectories =
        ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib"];

    private static readonly Lazy<string?> ProcessProblem = new(ApplyHere, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Null when TorchSharp's native library can load in this process as far as this fix is concerned; else one
    /// line saying what is wrong, with the library's path and the remedy (for example a folder the user cannot write).
    /// </summary>
    public static string? Problem => IsApplicable ? ProcessProblem.Value : null;

    private static bool IsApplicable => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    /// <summary>Throws <see cref="InvalidOperationException"/> with <see cref="Problem"/> when there is one; code that is about to use TorchSharp calls it first.</summary>
    public static void ThrowIfUnfixable()
    {
        if (Problem is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }

    /// <summary>
    /// Marks the <see cref="NeededVersion"/> need weak in every <see cref="LibraryFileName"/> directly in
    /// <paramref name="directories"/>, unless <paramref name="libStdCxx"/> (the libstdc++ the loader will use; null
    /// when unknown) defines that version. Returns null when done or nothing was needed, else the one-line problem.
    /// </summary>
    public static string? Apply(IEnumerable<string> directories, string? libStdCxx)
    {
        ArgumentNullException.ThrowIfNull(directories);
        if (libStdCxx is not null && Defines(libStdCxx, NeededVersion))
        {
            return null;
        }

        var cache = NuGetCache();
        foreach (var directory in directories.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            var library = Path.Combine(directory, LibraryFileName);
            if (!File.Exists(library) || (cache is not null && library.StartsWith(cache, StringComparison.Ordinal)))
            {
                continue;
            }

            try
            {
                ElfSymbolVersions.MarkNeedWeak(library, NeededVersion);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return $"TorchSharp cannot load: {library} asks for {NeededVersion}, which {libStdCxx ?? "this system's libstdc++"} lacks, "
                    + $"and marking that need weak failed ({e.Message}); make {library} writable by this user (or run nas once as its owner), "
                    + "or use a system with GCC 13's libstdc++ or newer (Debian 13, Ubuntu 24.04).";
            }
        }

        return null;
    }

    /// <summary>
    /// The libstdc++ the dynamic loader uses in this process: the one already mapped (the .NET host links it), else
    /// the first <c>libstdc++.so.6</c> on <c>LD_LIBRARY_PATH</c> or in the standard library folders; null when none is found.
    /// Found without <c>ldconfig</c>, which is not on a non-root user's PATH.
    /// </summary>
    public static string? FindLibStdCxx()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var slash = line.IndexOf('/', StringComparison.Ordinal);
                if (slash >= 0 && Path.GetFileName(line.AsSpan(slash)).StartsWith("libstdc++.so.6", StringComparison.Ordinal) && File.Exists(line[slash..]))
                {
                    return line[slash..];
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /proc: fall back to the folders the loader searches.
        }

        var path = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH")?.Split(':', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return path.Concat(StandardLibraryDirectories)
            .Select(d => Path.Combine(d, "libstdc++.so.6"))
            .FirstOrDefault(File.Exists);
    }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The fix must run before any code of this assembly first touches TorchSharp, whichever host or test loads it.")]
    internal static void Initialize()
    {
        try
        {
            _ = Problem;
        }
        catch (Exception)
        {
            // Silent at start: a study that needs no TorchSharp must not fail here; ThrowIfUnfixable reports at use.
        }
    }

    /// <summary>The folders TorchSharp's native library is loaded from: the application's and the native search directories of its deps.json.</summary>
    private static string? ApplyHere()
    {
        var directories = new List<string> { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native") };
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string search)
        {
            directories.AddRange(search.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        return Apply(directories, FindLibStdCxx());
    }

    private static bool Defines(string libStdCxx, string version)
    {
        try
        {
            return ElfSymbolVersions.ReadDefinitions(libStdCxx).Contains(version, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return false; // Unknown: mark the need weak, which is harmless where the version exists.
        }
    }

    private static string? NuGetCache()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(root))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            root = string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".nuget", "packages");
        }

        return root is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
    }
}
