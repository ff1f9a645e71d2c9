namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>
/// What a trainer silo tells a study in one call: trainings started and trainings finished, batched over the silo's
/// slots so that the study records many in one turn and one store transaction.
/// </summary>
/// <param name="Started">Trainings started.</param>
/// <param name="Completions">Trainings finished.</param>
[GenerateSerializer, Immutable]
[Alias("nas.TrialReport")]
public sealed record TrialReport(
    [property: Id(0)] IReadOnlyList<TrialStart> Started,
    [property: Id(1)] IReadOnlyList<TrialCompletion> Completions);
