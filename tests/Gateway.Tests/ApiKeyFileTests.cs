using NasOrleans.Gateway.Auth;

namespace NasOrleans.Gateway.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ApiKeyFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-keys-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Add_NewFile_StoresOnlyTheHashWithMode0600()
    {
        var path = Path.Combine(_directory, "secrets", "api-keys.json");

        var (entry, key) = ApiKeyFile.Add(path, "alice", ApiKeyDefaults.WriteScope);

        Assert.StartsWith(ApiKeyDefaults.KeyPrefix, key, StringComparison.Ordinal);
        Assert.Equal(4 + 43, key.Length);
        var text = File.ReadAllText(path);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(key[4..], text, StringComparison.Ordinal);
        Assert.Contains(ApiKeyText.Hash(key), text, StringComparison.Ordinal);
        Assert.Equal(entry, Assert.Single(ApiKeyFile.Read(path)));
        Assert.Equal(ApiKeyFile.PrivateMode, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Add_TwoKeys_AreDifferentAndBothKept()
    {
        var path = Path.Combine(_directory, "keys.json");

        var first = ApiKeyFile.Add(path, "alice", ApiKeyDefaults.ReadScope);
        var second = ApiKeyFile.Add(path, "alice", ApiKeyDefaults.ReadScope);

        Assert.NotEqual(first.Key, second.Key);
        Assert.NotEqual(first.Entry.Id, second.Entry.Id);
        Assert.Equal(2, ApiKeyFile.Read(path).Count);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Theory]
    [InlineData("al ice", "write", "owner")]
    [InlineData("alice", "superuser", "scope")]
    public void Add_BadOwnerOrScope_IsRefusedNamingIt(string owner, string scope, string named)
    {
        var path = Path.Combine(_directory, "keys.json");

        var error = Assert.Throws<ArgumentException>(() => ApiKeyFile.Add(path, owner, scope));

        Assert.StartsWith(named, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Read_EntryWithTheKeyInPlaceOfItsHash_NamesTheEntry()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "keys.json");
        File.WriteAllText(path, """[{"id":"k1","owner":"alice","scope":"read","sha256":"nas_plaintext"}]""");

        var error = Assert.Throws<InvalidDataException>(() => ApiKeyFile.Read(path));

        Assert.Contains("entry 1 ('k1')", error.Message, StringComparison.Ordinal);
        Assert.Contains("sha256", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
