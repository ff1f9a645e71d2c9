namespace NasOrleans.Grains.Interfaces.Messages;

/// <summary>The answer to an outside worker's request for trials.</summary>
/// <param name="Trials">The trials leased (none when nothing is queued now).</param>
/// <param name="StudyDone">True when no trial will come any more (the study finished, was cancelled or deleted).</param>
/// <param name="Message">Why no trial came, when none did.</param>
[GenerateSerializer, Immutable]
[Alias("nas.SuggestReply")]
public sealed record SuggestReply(
    [property: Id(0)] IReadOnlyList<SuggestedTrial> Trials,
    [property: Id(1)] bool StudyDone,
    [property: Id(2)] string? Message = null);
