namespace NasOrleans.Grains.Interfaces;

/// <summary>
/// The key of a controller grain: a study and a domain (a study searching one space for one dataset has the single
/// domain <see cref="DefaultDomain"/>; a multi-domain search keeps one controller per domain).
/// </summary>
public static class ControllerKey
{
    /// <summary>The domain of a single-domain study.</summary>
    public const string DefaultDomain = "default";

    /// <summary>The key of <paramref name="studyId"/>'s controller for <paramref name="domain"/>.</summary>
    public static string Format(string studyId, string domain = DefaultDomain)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        ArgumentException.ThrowIfNullOrEmpty(domain);
        return domain.Contains('/', StringComparison.Ordinal)
            ? throw new ArgumentException($"A domain may not contain '/': '{domain}'.", nameof(domain))
            : $"{studyId}/{domain}";
    }

    /// <summary>The study and domain of a controller key.</summary>
    public static (string StudyId, string Domain) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        return slash <= 0 || slash == key.Length - 1
            ? throw new ArgumentException($"'{key}' is not a controller key (study/domain).", nameof(key))
            : (key[..slash], key[(slash + 1)..]);
    }
}
