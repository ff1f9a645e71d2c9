namespace NasOrleans.Dashboard.Tests;

/// <summary>The API keys the test host accepts: alice's write and read keys, bob's write key and an admin key.</summary>
internal static class TestKeys
{
    public const string AliceWrite = "nas_test-alice-write";
    public const string AliceRead = "nas_test-alice-read";
    public const string BobWrite = "nas_test-bob-write";
    public const string Admin = "nas_test-admin";

    public static IReadOnlyDictionary<string, (string Owner, string Scope)> All { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        [AliceWrite] = ("alice", "write"),
        [AliceRead] = ("alice", "read"),
        [BobWrite] = ("bob", "write"),
        [Admin] = ("root", "admin"),
    };
}
