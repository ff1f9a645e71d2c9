namespace NasOrleans.Core.EarlyStopping;

/// <summary>Decides, from learning curves, whether a running trial should stop now.</summary>
public interface IEarlyStoppingRule
{
    /// <summary>Records trial <paramref name="trialId"/>'s <paramref name="score"/> (higher is better) at <paramref name="step"/>; true means stop it.</summary>
    bool Report(long trialId, int step, double score);
}
