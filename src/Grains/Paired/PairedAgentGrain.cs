using Microsoft.Extensions.Logging;
using NasOrleans.Grains.Interfaces;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Paired;

/// <summary>
/// One agent of a PAIRED, minimax or domain-randomization study (<see cref="IPairedAgentGrain"/>): its package is
/// written to storage with every applied update, before the call returns, so a trainer that heard "applied" can rely
/// on it whichever silo hosts the grain next.
/// </summary>
public sealed partial class PairedAgentGrain(
    [PersistentState("paired-agent", StorageNames.Grains)] IPersistentState<PairedAgentState> state,
    ILogger<PairedAgentGrain> logger) : Grain, IPairedAgentGrain
{
    /// <inheritdoc />
    public Task<PairedAgentSnapshot> GetForRoundAsync(long round, CancellationToken cancellationToken = default)
    {
        var s = state.State;
        return Task.FromResult(s.LastRound == round && s.Updates > 0
            ? new PairedAgentSnapshot(s.Updates - 1, s.Previous, Applied: true)
            : new PairedAgentSnapshot(s.Updates, s.Current, Applied: false));
    }

    /// <inheritdoc />
    public async Task<PairedUpdateResult> ApplyAsync(PairedAgentUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var s = state.State;
        s.RolloutsReceived++;
        PairedUpdateResult result;
        if (s.LastRound == update.Round && s.Updates > 0)
        {
            result = PairedUpdateResult.Duplicate;
            s.Duplicates++;
        }
        else if (update.BasedOn != s.Updates)
        {
            result = PairedUpdateResult.Stale;
            s.Stale++;
        }
        else
        {
            s.Previous = s.Current;
            s.Current = update.State;
            s.Updates++;
            s.LastRound = update.Round;
            s.Steps += update.Steps;
            s.LastMeanReturn = update.MeanReturn;
            result = PairedUpdateResult.Applied;
        }

        await state.WriteStateAsync(cancellationToken);
        if (result != PairedUpdateResult.Applied)
        {
            LogIgnored(logger, this.GetPrimaryKeyString(), update.Round, update.BasedOn, s.Updates, result);
        }

        return result;
    }

    /// <inheritdoc />
    public Task<PairedAgentInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var s = state.State;
        return Task.FromResult(new PairedAgentInfo(s.Updates, s.LastRound, s.RolloutsReceived, s.Steps, s.LastMeanReturn, s.Current?.Length ?? 0, s.Duplicates, s.Stale));
    }

    /// <inheritdoc />
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        await state.ClearStateAsync(cancellationToken);
        state.State = new PairedAgentState();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {Agent} ignored the update of round {Round} (based on {BasedOn}, at {Updates}): {Result}")]
    private static partial void LogIgnored(ILogger logger, string agent, long round, int basedOn, int updates, PairedUpdateResult result);
}
