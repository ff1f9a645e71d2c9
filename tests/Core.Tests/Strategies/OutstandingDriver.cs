using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Tests.Strategies;

/// <summary>
/// Drives a strategy with several proposals outstanding, answering them out of order (each step tops the in-flight
/// list up to <c>outstanding</c>, then observes the entry at step mod outstanding), as a study with parallel trainers
/// would. Its in-flight list survives a strategy's restore, so a restored strategy can be driven on.
/// </summary>
internal sealed class OutstandingDriver(int outstanding, Func<Architecture, double?>? score = null)
{
    private readonly List<Architecture> _inFlight = [];
    private readonly Func<Architecture, double?> _score = score ?? (a => StrategyTestHelpers.Score(a));
    private int _step;

    /// <summary>Every proposal made, in order (keys).</summary>
    public List<string> Proposed { get; } = [];

    /// <summary>Runs <paramref name="steps"/> steps on <paramref name="strategy"/>.</summary>
    public OutstandingDriver Run(ISearchStrategy strategy, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            while (_inFlight.Count < outstanding)
            {
                var proposal = strategy.Propose();
                _inFlight.Add(proposal);
                Proposed.Add(proposal.Key);
            }

            var index = _step++ % _inFlight.Count;
            var done = _inFlight[index];
            _inFlight.RemoveAt(index);
            strategy.Observe(done, _score(done));
        }

        return this;
    }
}
