using NasOrleans.Gateway.Auth;

namespace NasOrleans.Dashboard.Tests;

/// <summary>The API keys of the test service, made with the gateway's own keys file (what <c>nas keys add</c> writes).</summary>
public sealed record TestKeys(string AliceWrite, string AliceRead, string BobWrite, string Admin)
{
    /// <summary>Alice's write and read keys, bob's write key and an admin key, added to <paramref name="keysFile"/>.</summary>
    public static TestKeys Create(string keysFile) => new(
        ApiKeyFile.Add(keysFile, "alice", ApiKeyDefaults.WriteScope).Key,
        ApiKeyFile.Add(keysFile, "alice", ApiKeyDefaults.ReadScope).Key,
        ApiKeyFile.Add(keysFile, "bob", ApiKeyDefaults.WriteScope).Key,
        ApiKeyFile.Add(keysFile, "root", ApiKeyDefaults.AdminScope).Key);
}
