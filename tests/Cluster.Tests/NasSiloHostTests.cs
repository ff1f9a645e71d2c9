using NasOrleans.Hosting;

namespace NasOrleans.Cluster.Tests;

public sealed class NasSiloHostTests
{
    [Fact]
    public void SecretArguments_ConnectionStringsOnTheCommandLine_AreNamed()
    {
        string[] args =
        [
            "--Nas:Silo:Store=Postgres", "--Nas:Silo:PostgresConnectionString=Host=x;Password=y",
            "--Nas:Cluster:RedisConnectionString", "127.0.0.1:1,password=z", "--Nas:Silo:AzureConnectionString=UseDevelopmentStorage=true",
        ];

        Assert.Equal(
            ["--Nas:Silo:PostgresConnectionString", "--Nas:Cluster:RedisConnectionString", "--Nas:Silo:AzureConnectionString"],
            NasSiloHost.SecretArguments(args));
    }

    [Fact]
    public void SecretArguments_WhatStartSilosPasses_IsNone()
    {
        string[] args = ["--Nas:Cluster:Clustering=Redis", "--Nas:Cluster:ClusterId=nas", "--Nas:Silo:Store=Postgres", "--Nas:Cluster:SiloPort=11111"];

        Assert.Empty(NasSiloHost.SecretArguments(args));
    }
}
