using Microsoft.Extensions.DependencyInjection;

namespace NasOrleans.Hosting.Security;

/// <summary>Turns the cluster-key check on (see <see cref="ClusterKey"/>).</summary>
public static class ClusterKeyExtensions
{
    /// <summary>The silo sends the key on its own calls and refuses calls to NasOrleans grains without it.</summary>
    public static ISiloBuilder UseNasClusterKey(this ISiloBuilder builder, ClusterKey key)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(key);
        builder.Services.AddSingleton(key);
        builder.AddOutgoingGrainCallFilter<ClusterKeyOutgoingFilter>();
        builder.AddIncomingGrainCallFilter<ClusterKeyIncomingFilter>();
        return builder;
    }

    /// <summary>The client sends the key on every call.</summary>
    public static IClientBuilder UseNasClusterKey(this IClientBuilder builder, ClusterKey key)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(key);
        builder.Services.AddSingleton(key);
        builder.AddOutgoingGrainCallFilter<ClusterKeyOutgoingFilter>();
        return builder;
    }

    /// <summary>The key named by <see cref="ClusterKey.FileVariable"/>, or null when the variable is not set.</summary>
    public static ClusterKey? FromEnvironment() =>
        Environment.GetEnvironmentVariable(ClusterKey.FileVariable) is { Length: > 0 } path ? ClusterKey.FromFile(path) : null;
}
