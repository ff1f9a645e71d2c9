namespace NasOrleans.Client.Chaos;

/// <summary>
/// One SIGKILL of a chaos run: the silo, its role, the trials of the run's study it could cost (training on the victim
/// for a trainer kill, anywhere for a control kill, as <c>study/trial</c>), whether any trial of the study was training
/// anywhere at the kill, how many of those trials were trained again because of it, and when it landed.
/// </summary>
/// <param name="Run">The run (1-based).</param>
/// <param name="Silo">The silo's name (<c>control-i</c>, <c>trainer-j</c>).</param>
/// <param name="Role">The silo's role.</param>
/// <param name="Trials">The trials running at the kill that it could cost, as <c>study/trial</c>.</param>
/// <param name="InFlight">Whether at least one trial of the study was training (on any silo) when the kill landed.</param>
/// <param name="TrainingLost">Trials of <paramref name="Trials"/> whose final attempt exceeds their attempt at the kill.</param>
/// <param name="AtSeconds">Seconds from the run's submission to the kill.</param>
internal sealed record ChaosKill(int Run, string Silo, ChaosVictimRole Role, IReadOnlyList<string> Trials, bool InFlight, int TrainingLost, double AtSeconds)
{
    /// <summary>How many trials were running at the kill (the count of <see cref="Trials"/>).</summary>
    public int TrialsRunning => Trials.Count;

    /// <summary>The role as the JSON output spells it: <c>control</c> or <c>trainer</c>.</summary>
    public string RoleName => Role == ChaosVictimRole.Control ? "control" : "trainer";
}
