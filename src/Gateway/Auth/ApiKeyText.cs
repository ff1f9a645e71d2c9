using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace NasOrleans.Gateway.Auth;

/// <summary>Makes keys ("nas_" + base64url of 32 random bytes) and hashes them the way the keys file stores them.</summary>
public static class ApiKeyText
{
    /// <summary>Random bytes in a key.</summary>
    public const int RandomBytes = 32;

    /// <summary>The longest key text the gateway hashes; anything longer is refused unhashed.</summary>
    public const int MaxLength = 256;

    /// <summary>A new random key.</summary>
    public static string Generate()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        return ApiKeyDefaults.KeyPrefix + Base64Url.EncodeToString(random);
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="key"/>'s UTF-8 text.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        return TryHash(key, hash) ? Convert.ToHexStringLower(hash) : throw new ArgumentException($"a key is at most {MaxLength} characters", nameof(key));
    }

    /// <summary>Hashes <paramref name="key"/> into <paramref name="hash"/> (32 bytes) without allocating; false when it is too long.</summary>
    public static bool TryHash(ReadOnlySpan<char> key, Span<byte> hash)
    {
        if (key.Length > MaxLength)
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[MaxLength * 3];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        return SHA256.HashData(utf8[..length], hash) == SHA256.HashSizeInBytes;
    }

    /// <summary>The 32 bytes of a stored lowercase hex hash; null when it is not 64 hex digits.</summary>
    public static byte[]? ParseHash(string sha256)
    {
        if (sha256 is not { Length: SHA256.HashSizeInBytes * 2 })
        {
            return null;
        }

        var bytes = new byte[SHA256.HashSizeInBytes];
        return Convert.FromHexString(sha256, bytes, out _, out var written) == OperationStatus.Done && written == bytes.Length ? bytes : null;
    }
}
