using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using NasOrleans.Gateway.Auth;

namespace NasOrleans.Hosting.Security;

/// <summary>
/// The cluster's shared secret. Silos and the trusted clients (the gateway service, operators' <c>nas --gateway</c>,
/// <c>nas chaos</c>, the cluster scripts) send it with every grain call; a silo refuses a call to a NasOrleans grain
/// that does not carry it, so a process that merely reaches the Orleans gateway can neither read nor change studies,
/// report results or control slots. With mutual TLS (<c>Nas:Cluster:Tls</c>) a client without the cluster's
/// certificate cannot even connect; the key covers clusters without TLS and the embedded default's local gateway.
/// </summary>
public sealed class ClusterKey
{
    /// <summary>The request-context entry that carries the key.</summary>
    public const string RequestContextKey = "nas.ck";

    /// <summary>Environment variable naming the key file for clients (never the key itself on argv).</summary>
    public const string FileVariable = "NAS_CLUSTER_KEY_FILE";

    /// <summary>Shortest key accepted, in characters.</summary>
    public const int MinLength = 32;

    private readonly byte[] _bytes;

    private ClusterKey(string text)
    {
        Text = text;
        _bytes = Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The key as sent.</summary>
    public string Text { get; }

    /// <summary>A new random key (256 bits, base64url).</summary>
    public static ClusterKey Generate() => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    /// <summary>The key in <paramref name="text"/>; throws when it is too short to be a secret.</summary>
    public static ClusterKey Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length < MinLength || trimmed.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"The cluster key in {source} is {(trimmed.Length < MinLength ? $"{trimmed.Length} characters, shorter than {MinLength}" : "broken by white space")}; write one line of at least {MinLength} random characters there (for example: head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\\n' > FILE; chmod 600 FILE).", nameof(text));
        }

        return new ClusterKey(trimmed);
    }

    /// <summary>Reads the key file (one line); throws with the fix when it is missing or unusable.</summary>
    public static ClusterKey FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The cluster key file {path} does not exist; point Nas:Cluster:KeyFile (silos) or {FileVariable} (clients) at the cluster's key file, or create one (scripts/start-silos.sh writes DIR/secrets/cluster.key).", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Writes the key to <paramref name="path"/>, readable by its owner only (as the gateway writes its keys).</summary>
    public void WriteTo(string path) => ApiKeyFile.WritePrivate(path, Text + "\n");

    /// <summary>Whether <paramref name="presented"/> is this key (constant time).</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _bytes);

    /// <inheritdoc />
    public override string ToString() => "ClusterKey(hidden)";
}
