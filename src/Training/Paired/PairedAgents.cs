namespace NasOrleans.Training.Paired;

/// <summary>
/// The agents a method uses, created from the seed or loaded from their packages: the protagonist always, the adversary
/// unless the levels are random, the antagonist only for PAIRED.
/// </summary>
public sealed class PairedAgents : IDisposable
{
    private PairedAgents(RecurrentAgent? adversary, RecurrentAgent protagonist, RecurrentAgent? antagonist)
    {
        Adversary = adversary;
        Protagonist = protagonist;
        Antagonist = antagonist;
    }

    /// <summary>The level builder (null for domain randomization).</summary>
    public RecurrentAgent? Adversary { get; }

    /// <summary>The student whose transfer counts.</summary>
    public RecurrentAgent Protagonist { get; }

    /// <summary>PAIRED's second student (null otherwise).</summary>
    public RecurrentAgent? Antagonist { get; }

    /// <summary>The agents of <paramref name="settings"/>'s method; each starts from its package when given, else fresh from the seed.</summary>
    public static PairedAgents Create(PairedRoundSettings settings, byte[]? adversary, byte[]? protagonist, byte[]? antagonist)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var method = settings.Method;
        var seed = unchecked((int)(settings.Seed % int.MaxValue));
        RecurrentAgent? a = null, p = null, n = null;
        try
        {
            if (method != Core.Paired.PairedMethod.DomainRandomization)
            {
                a = Make(adversary, settings.AdversaryShape, settings.AdversaryPpo, seed + 1, settings.Device);
            }

            p = Make(protagonist, PairedRoundSettings.StudentShape, settings.StudentPpo, seed + 2, settings.Device);
            if (method == Core.Paired.PairedMethod.Paired)
            {
                n = Make(antagonist, PairedRoundSettings.StudentShape, settings.StudentPpo, seed + 3, settings.Device);
            }

            return new PairedAgents(a, p, n);
        }
        catch
        {
            a?.Dispose();
            p?.Dispose();
            n?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Adversary?.Dispose();
        Protagonist.Dispose();
        Antagonist?.Dispose();
    }

    private static RecurrentAgent Make(byte[]? package, AgentShape shape, PpoSettings ppo, int seed, string device) =>
        package is null ? new RecurrentAgent(shape, ppo, seed, device) : RecurrentAgent.Load(package, shape, ppo, device);
}
