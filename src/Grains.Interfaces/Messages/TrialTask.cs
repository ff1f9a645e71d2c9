namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>A trial a study hands to the scheduler: which architecture of which study to train
/// (the spec hash lets trainers cache the study's trainer safely). <see cref="TraceParent"/> is the W3C
/// <c>traceparent</c> of the study's submit, so that the trial's training joins the submit's trace.
/// <see cref="PreviousAttempts"/> is how many trainings of the trial the study has recorded as started, so that
/// attempts keep counting when the scheduler moves. <see cref="Kind"/> says what the work is (<see cref="WorkKinds"/>):
/// a trial to train, or a long job (a supernet search) that a trainer silo runs with the handler registered for its
/// kind; the scheduler leases every kind alike.</summary>
[GenerateSerializer, Immutable]
[Alias("nas.TrialTask")]
public sealed record TrialTask(
    [property: Id(0)] string StudyId,
    [property: Id(1)] long TrialId,
    [property: Id(2)] string ArchitectureKey,
    [property: Id(3)] string SpecHash,
    [property: Id(4)] string? TraceParent = null,
    [property: Id(5)] int PreviousAttempts = 0,
    [property: Id(6)] string Kind = WorkKinds.Trial);
