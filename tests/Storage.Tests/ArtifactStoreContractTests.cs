namespace NasOrleans.Storage.Tests;

/// <summary>The behaviour every <see cref="IArtifactStore"/> shares; run against each implementation.</summary>
public abstract partial class ArtifactStoreContractTests : IAsyncLifetime
{
    /// <summary>The limit of <see cref="Store"/>: small enough that a test can go over it.</summary>
    protected const long Limit = 4 * 1024 * 1024;

    private readonly List<IArtifactStore> _stores = [];

    protected IArtifactStore Store { get; private set; } = null!;

    /// <summary>A new store over the test's database (the same one for every call within a test).</summary>
    protected abstract Task<IArtifactStore> CreateStoreAsync(ArtifactStoreOptions options);

    public virtual async Task InitializeAsync() => Store = await OpenAsync(new ArtifactStoreOptions { MaxArtifactBytes = Limit });

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>Another store over the test's database, disposed with the test.</summary>
    protected async Task<IArtifactStore> OpenAsync(ArtifactStoreOptions options)
    {
        var store = await CreateStoreAsync(options);
        _stores.Add(store);
        if (store is ITrialStore trials)
        {
            await trials.InitializeAsync();
        }

        return store;
    }

    protected static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static string Sha256(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    protected static Dictionary<string, string> Step(long step) => new() { ["step"] = step.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
