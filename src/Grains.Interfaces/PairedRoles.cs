namespace NasOrleans.Grains.Interfaces;

/// <summary>
/// The learning agents of an environment-design study (PAIRED and its baselines), each an <see cref="IPairedAgentGrain"/>
/// keyed by <see cref="Key"/>: the adversary builds levels, the protagonist and the antagonist play them.
/// </summary>
public static class PairedRoles
{
    /// <summary>Builds the levels (PAIRED: rewarded by regret; minimax: by minus the protagonist's return).</summary>
    public const string Adversary = "adversary";

    /// <summary>The student whose transfer is measured; it minimizes regret by maximizing its own return.</summary>
    public const string Protagonist = "protagonist";

    /// <summary>PAIRED's second student; it maximizes regret by maximizing its own return.</summary>
    public const string Antagonist = "antagonist";

    /// <summary>Every role, in the order a round updates them.</summary>
    public static IReadOnlyList<string> All { get; } = [Adversary, Protagonist, Antagonist];

    /// <summary>The roles an environment-design algorithm trains, in update order: paired all three, minimax the adversary and the protagonist, domain-randomization the protagonist.</summary>
    public static IReadOnlyList<string> Of(string algorithm) => algorithm switch
    {
        "paired" => All,
        "minimax" => [Adversary, Protagonist],
        "domain-randomization" => [Protagonist],
        _ => throw new ArgumentException($"'{algorithm}' trains no agents; the environment-design algorithms are paired, minimax and domain-randomization.", nameof(algorithm)),
    };

    /// <summary>The key of <paramref name="studyId"/>'s agent in <paramref name="role"/>.</summary>
    public static string Key(string studyId, string role)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        return All.Contains(role, StringComparer.Ordinal)
            ? $"{studyId}/{role}"
            : throw new ArgumentException($"'{role}' is not an agent role; roles: {string.Join(", ", All)}.", nameof(role));
    }

    /// <summary>The study and role of an agent key.</summary>
    public static (string StudyId, string Role) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        return slash <= 0 || !All.Contains(key[(slash + 1)..], StringComparer.Ordinal)
            ? throw new ArgumentException($"'{key}' is not an agent key (study/role).", nameof(key))
            : (key[..slash], key[(slash + 1)..]);
    }
}
