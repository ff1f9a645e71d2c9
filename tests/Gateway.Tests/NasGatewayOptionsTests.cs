using System.ComponentModel.DataAnnotations;

namespace NasOrleans.Gateway.Tests;

public sealed class NasGatewayOptionsTests
{
    [Fact]
    public void Validate_EnabledWithoutKeysFile_NamesTheSettingAndTheFix()
    {
        var errors = Validate(new NasGatewayOptions { Enabled = true });

        var error = Assert.Single(errors);
        Assert.Contains("Nas:Gateway:ApiKeysFile", error, StringComparison.Ordinal);
        Assert.Contains("nas keys add", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeysFileMissing_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "keys.json");

        var error = Assert.Single(Validate(new NasGatewayOptions { Enabled = true, ApiKeysFile = path }));

        Assert.Contains(path, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Disabled_NeedsNothing()
    {
        Assert.Empty(Validate(new NasGatewayOptions()));
    }

    private static List<string> Validate(NasGatewayOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}
