using NasOrleans.Storage.Azure;

namespace NasOrleans.Storage.Tests.Azure;

/// <summary>The key encoding of the Azure tables: what a key may not hold is escaped, and numbers sort as numbers.</summary>
public sealed class AzureKeysTests
{
    [Theory]
    [InlineData("plain-study_1.x")]
    [InlineData("a/b\\c#d?e%f|g~h'i")]
    [InlineData("tab\there\u0001")]
    [InlineData("étude 🚀")]
    public void Encode_AnyString_HoldsNoForbiddenCharacterAndDecodesBack(string value)
    {
        var key = AzureKeys.Encode(value);

        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' or '\'' || char.IsControl(c) || c > '~');
        Assert.Equal(value, AzureKeys.Decode(key));
    }

    [Fact]
    public void Number_AcrossTheRange_SortsOrdinallyInNumericOrder()
    {
        long[] values = [long.MinValue, -1_000_000, -1, 0, 1, 9, 10, 1_000_000, long.MaxValue];

        var keys = values.Select(AzureKeys.Number).ToList();

        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.All(keys, k => Assert.Equal(20, k.Length));
        Assert.Equal(values, keys.Select(k => AzureKeys.ParseNumber(k)));
    }

    [Fact]
    public void ArtifactKey_LongestName_StaysItsLengthWithoutSlashes()
    {
        var name = string.Join('/', Enumerable.Repeat("a", 128));

        var key = AzureKeys.HeadRow(name);

        Assert.DoesNotContain('/', key);
        Assert.Equal(2 + name.Length, key.Length);
    }
}
