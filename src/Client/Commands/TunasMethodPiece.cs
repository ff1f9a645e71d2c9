namespace NasOrleans.Client.Commands;

/// <summary>One equal-compute strategy's piece of <c>nas bench tunas</c> (<c>method-NAME.json</c>).</summary>
/// <param name="Method">The strategy's name.</param>
/// <param name="Budget">The training samples it was given (TuNAS's search plus its argmax's stand-alone training).</param>
/// <param name="SamplesUsed">The training samples its stand-alone trainings processed.</param>
/// <param name="Trained">The architectures it trained, in order.</param>
/// <param name="Best">The one with the best validation accuracy (what the strategy would return), or empty.</param>
/// <param name="BestValidation">Its validation accuracy (percent).</param>
/// <param name="BestTest">Its test accuracy (percent), for the report only.</param>
internal sealed record TunasMethodPiece(string Method, long Budget, long SamplesUsed, IReadOnlyList<string> Trained, string Best, double BestValidation, double BestTest);
