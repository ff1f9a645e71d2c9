using NasOrleans.Client;
using NasOrleans.Client.Commands;
using NasOrleans.Core;
using NasOrleans.Core.Nb201;

namespace NasOrleans.Client.Tests.Commands;

public class Nb201BenchInputsTests
{
    private static Nb201Table Table => Nb201Table.Shared(Path.Combine(
        SharedDirectory.Resolve() ?? throw new InvalidOperationException("These tests need the shared data folder (NAS_SHARED_DIR)."),
        Nb201Table.SharedRelativePath));

    [Fact]
    public void Constraint_TestAccuracyColumn_IsRefusedNamingTheAllowList()
    {
        var e = Assert.Throws<CliException>(() => Nb201BenchInputs.Constraint("c10_test_200ep:max=95", Table));

        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains("cost allow-list: lat_fpga", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constraint_LatencyColumn_IsAccepted()
    {
        var constraint = Nb201BenchInputs.Constraint("lat_pixel3:max=10", Table);

        Assert.Equal("lat_pixel3", constraint!.Column);
    }
}
