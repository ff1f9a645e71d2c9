using System.Globalization;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces.Messages;

namespace NasOrleans.Grains.Studies;

public sealed partial class StudyGrain
{
    /// <inheritdoc />
    public async Task<SubmitResult> ExtendAsync(int trials, CancellationToken cancellationToken = default)
    {
        if (_state.State.SpecJson is null || _spec is null)
        {
            return new SubmitResult(false, null, [$"study: there is no study '{StudyId}'; list the studies with nas list"]);
        }

        var max = StudySpecValidator.MaxTrialsLimit;
        if (trials < 1 || _spec.Budget.MaxTrials + (long)trials > max)
        {
            return new SubmitResult(false, BuildSummary(), [string.Create(CultureInfo.InvariantCulture,
                $"trials: {trials} is out of range; extend by 1 to {max - _spec.Budget.MaxTrials} trials (the budget is {_spec.Budget.MaxTrials} and may reach {max})")]);
        }

        if (_job is not null && !_rounds)
        {
            return new SubmitResult(false, BuildSummary(), [$"study: '{StudyId}' is a {_job} job (algorithm {_spec.Algorithm.Name}), one trial by design; submit a new study instead"]);
        }

        if (_state.State.Status is not (StudyStatus.Running or StudyStatus.Completed or StudyStatus.Exhausted))
        {
            return new SubmitResult(false, BuildSummary(), [$"study: '{StudyId}' is {_state.State.Status.ToString().ToLowerInvariant()}; only a running, completed or exhausted study can be extended (submit a new study instead)"]);
        }

        var resumed = _state.State.Status != StudyStatus.Running;
        _state.State.ExtraTrials += trials;
        _state.State.Status = StudyStatus.Running;
        _state.State.Message = null;
        await _state.WriteStateAsync();
        await LoadAsync(_state.State.SpecJson, cancellationToken);
        LogExtended(_logger, StudyId, trials, _spec!.Budget.MaxTrials);
        if (resumed)
        {
            StartTimer();
            await KeepWakingAsync();
        }

        await PumpAsync();
        await SaveSummaryAsync();
        return new SubmitResult(true, BuildSummary(), []);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Study {StudyId} extended by {Trials} trials to {MaxTrials}")]
    private static partial void LogExtended(Microsoft.Extensions.Logging.ILogger logger, string studyId, int trials, int maxTrials);
}
