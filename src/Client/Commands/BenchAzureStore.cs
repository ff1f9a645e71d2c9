using System.CommandLine;
using NasOrleans.Client.Backends;
using NasOrleans.Hosting;

namespace NasOrleans.Client.Commands;

/// <summary>The <c>--azure</c> option of the benchmarks and what it sets on the silo: fresh tables and containers per run.</summary>
internal static class BenchAzureStore
{
    /// <summary>A new <c>--azure</c> option.</summary>
    public static Option<string?> CreateOption() => new("--azure")
    {
        Description = ConnectionStringArgument.Describe(
            "With --store azure: the storage account's connection string (each run uses fresh tables and containers prefixed bench<id>).",
            ConnectionStringArgument.AzureVariable),
    };

    /// <summary>The connection string for <paramref name="kind"/> (null unless Azure; an error when Azure and none is given).</summary>
    public static string? Resolve(StoreKind kind, string? value) =>
        kind == StoreKind.Azure ? ConnectionStringArgument.Require(value, "--azure", ConnectionStringArgument.AzureVariable, "--store azure") : null;

    /// <summary>Points <paramref name="options"/> at the account with a prefix no other run uses.</summary>
    public static NasSiloOptions Apply(NasSiloOptions options, string? connection)
    {
        options.AzureConnectionString = connection;
        options.AzureTablePrefix = "bench" + Guid.NewGuid().ToString("N")[..16];
        return options;
    }
}
