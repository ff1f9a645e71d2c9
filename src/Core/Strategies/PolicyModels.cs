using System.Collections.Concurrent;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Strategies;

/// <summary>
/// The controllers a policy-gradient strategy can run on, by the name its <c>controller</c> parameter gives:
/// <c>factorized</c> always; others (the TorchSharp LSTM, <c>lstm</c>) when the host registers them.
/// </summary>
public static class PolicyModels
{
    private static readonly ConcurrentDictionary<string, Func<SearchSpace, PolicyGradientOptions, ulong, IPolicyModel>> Registered = new(StringComparer.Ordinal);

    /// <summary>The controller names every host knows, then the registered ones.</summary>
    public static IReadOnlyList<string> Names => [FactorizedPolicyModel.Name, .. Registered.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers (or replaces) a controller; hosts with TorchSharp register <c>lstm</c>.</summary>
    public static void Register(string name, Func<SearchSpace, PolicyGradientOptions, ulong, IPolicyModel> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        Registered[name] = factory;
    }

    /// <summary>
    /// Creates the controller <paramref name="options"/> name; <paramref name="seed"/> initializes its parameters.
    /// Throws <see cref="ArgumentException"/> for a name this host does not know.
    /// </summary>
    public static IPolicyModel Create(SearchSpace space, PolicyGradientOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Controller == FactorizedPolicyModel.Name)
        {
            return new FactorizedPolicyModel(space, options.FloatBins, options.LearningRate);
        }

        return Registered.TryGetValue(options.Controller, out var factory)
            ? factory(space, options, seed)
            : throw new ArgumentException(
                $"controller '{options.Controller}' is not available in this process; known: {string.Join(", ", Names)} (lstm needs a host with TorchSharp: nas, nas-silo, nas-trainer).",
                nameof(options));
    }
}
