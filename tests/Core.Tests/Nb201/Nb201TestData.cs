using NasOrleans.Core.Nb201;

namespace NasOrleans.Core.Tests.Nb201;

/// <summary>The shared NAS-Bench-201 files, found through <see cref="SharedDirectory.Resolve"/>.</summary>
internal static class Nb201TestData
{
    public static string SharedFolder =>
        SharedDirectory.Resolve()
        ?? throw new InvalidOperationException("These tests need the shared data folder: set NAS_SHARED_DIR or put 'shared' beside the repository root.");

    public static string TablePath => Path.Combine(SharedFolder, Nb201Table.SharedRelativePath);

    public static string SamplesPath => Path.Combine(SharedFolder, "data", "nasbench201", "nats_samples.json");

    public static Nb201Table Table => Nb201Table.Shared(TablePath);
}
