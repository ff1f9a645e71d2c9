namespace NasOrleans.Dashboard.Tests;

/// <summary>The browser tests share one silo and one Chromium, and so run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
