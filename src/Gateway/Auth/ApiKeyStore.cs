using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NasOrleans.Gateway.Auth;

/// <summary>
/// The gateway's keys, from <see cref="NasGatewayOptions.ApiKeysFile"/>; the file is read again when it changes (looked
/// at no more than every <see cref="ReloadInterval"/>), so <c>nas keys add</c> takes effect without a restart. A key is
/// checked by its SHA-256 against every entry in constant time.
/// </summary>
public sealed partial class ApiKeyStore
{
    /// <summary>How often the keys file's time stamp is looked at.</summary>
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(2);

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger<ApiKeyStore> _logger;
    private readonly Lock _reload = new();
    private volatile Loaded _loaded;
    private long _nextCheck;

    /// <summary>Reads the keys file; throws <see cref="InvalidDataException"/> when it is broken.</summary>
    public ApiKeyStore(IOptions<NasGatewayOptions> options, TimeProvider time, ILogger<ApiKeyStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = Path.GetFullPath(options.Value.ApiKeysFile ?? throw new ArgumentException("Nas:Gateway:ApiKeysFile is not set", nameof(options)));
        _time = time;
        _logger = logger;
        _loaded = Load(_path);
        _nextCheck = time.GetTimestamp() + Ticks(ReloadInterval);
        LogLoaded(_logger, _loaded.Entries.Length, _path);
    }

    /// <summary>The number of keys.</summary>
    public int Count => _loaded.Entries.Length;

    /// <summary>The entry whose hash matches <paramref name="key"/>, or null; every entry is compared (no early exit).</summary>
    public ApiKeyEntry? Find(ReadOnlySpan<char> key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (!ApiKeyText.TryHash(key, hash))
        {
            return null;
        }

        var loaded = Current();
        ApiKeyEntry? found = null;
        for (var i = 0; i < loaded.Entries.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, loaded.Hashes[i]))
            {
                found = loaded.Entries[i];
            }
        }

        return found;
    }

    private Loaded Current()
    {
        var now = _time.GetTimestamp();
        if (now < Volatile.Read(ref _nextCheck))
        {
            return _loaded;
        }

        lock (_reload)
        {
            if (now < _nextCheck)
            {
                return _loaded;
            }

            _nextCheck = now + Ticks(ReloadInterval);
            var stamp = Stamp(_path);
            if (stamp != _loaded.Stamp)
            {
                try
                {
                    _loaded = Load(_path);
                    LogLoaded(_logger, _loaded.Entries.Length, _path);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    LogReloadFailed(_logger, _path, e.Message);
                }
            }
        }

        return _loaded;
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private static (DateTime, long) Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1);
    }

    private static Loaded Load(string path)
    {
        var stamp = Stamp(path);
        var entries = ApiKeyFile.Read(path).ToArray();
        return new Loaded(entries, [.. entries.Select(e => ApiKeyText.ParseHash(e.Sha256)!)], stamp);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway: {Count} API keys from {Path}")]
    private static partial void LogLoaded(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway: the keys file {Path} changed but cannot be read ({Problem}); the keys read before stay in use")]
    private static partial void LogReloadFailed(ILogger logger, string path, string problem);

    private sealed record Loaded(ApiKeyEntry[] Entries, byte[][] Hashes, (DateTime, long) Stamp);
}
