namespace NasOrleans.Storage.Tests;

public sealed class ArtifactNamesTests
{
    [Theory]
    [InlineData("checkpoint")]
    [InlineData("supernet/checkpoint.bin")]
    [InlineData("a-b_c.d/E-9")]
    [InlineData("..a/b..")]
    public void IsValid_AllowedNames_IsTrue(string name)
    {
        Assert.True(ArtifactNames.IsValid(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a//b")]
    [InlineData("/a")]
    [InlineData("..")]
    [InlineData("a/../b")]
    [InlineData("a:b")]
    public void IsValid_OtherNames_IsFalse(string? name)
    {
        Assert.False(ArtifactNames.IsValid(name));
    }

    [Fact]
    public void EnsureValid_VeryLongName_ShortensItInTheMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => ArtifactNames.EnsureValid(new string('a', 1000)));

        Assert.Contains("(1000 characters)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 100), error.Message, StringComparison.Ordinal);
    }
}
