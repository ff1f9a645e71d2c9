namespace NasOrleans.Client.Commands;

/// <summary>One worker count's figures of <c>nas bench asktell</c> (latencies in milliseconds).</summary>
internal sealed record AskTellBenchResult(
    string Transport,
    int Workers,
    int Trials,
    double Seconds,
    double TrialsPerSecond,
    double SuggestP50,
    double SuggestP99,
    double CompleteP50,
    double CompleteP99,
    int EmptySuggests);
