using System.Runtime.CompilerServices;
using NasOrleans.Training.Native;

namespace NasOrleans.Training.Tests;

/// <summary>
/// Applies <see cref="TorchNativeFix"/> when this test assembly loads: some tests call TorchSharp directly, before
/// anything of NasOrleans.Training (whose own module initializer applies it) has run.
/// </summary>
internal static class TorchNativeFixStart
{
    [ModuleInitializer]
    internal static void Initialize() => _ = TorchNativeFix.Problem;
}
