using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.WeightSharing;

/// <summary>
/// The controller of a weight-sharing search, TuNAS (Bender et al. 2020) and MPNAS (Wang et al. 2021, one controller
/// per domain): one independent softmax per decision (<see cref="CategoricalPolicy"/>), driven per supernet step. The
/// job samples a batch of paths (<see cref="Sample(int)"/>), trains the shared weights on them, and returns a reward
/// per path (<see cref="Update(IReadOnlyList{TunasReward}, double)"/>): REINFORCE with the advantage reward − baseline,
/// where the baseline is the zero-debiased moving average of each step's mean reward, optimized by
/// <see cref="TunasAdam"/> (β1 = 0). <see cref="Argmax"/> is the final answer.
/// </summary>
/// <remarks>
/// <para>Every sample has an id; a reward for an id the controller never produced, or for a sample already rewarded
/// (as a job resuming from a checkpoint may resend), is rejected and counted, not applied. Samples stay outstanding
/// until rewarded or <see cref="Release"/>d, and are part of the state.</para>
/// <para>The gradient of a sample's log-probability is taken under the policy at update time; in TuNAS the update
/// follows the sampling in the same step, so the two agree.</para>
/// </remarks>
public sealed partial class TunasController
{
    /// <summary>The algorithm's name, for specs that wire it.</summary>
    public const string Name = "tunas";

    private readonly CategoricalPolicy _policy;
    private readonly TunasAdam _adam;
    private readonly SortedDictionary<long, Architecture> _outstanding = [];
    private DeterministicRandom _random;
    private MovingAverageBaseline _baseline;

    /// <summary>Creates the uniform controller; <paramref name="seed"/> seeds its own generator.</summary>
    public TunasController(SearchSpace space, TunasOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        Space = space;
        _policy = new CategoricalPolicy(space, options.FloatBins);
        _adam = new TunasAdam(_policy.Logits.Length, options.AdamBeta1, options.AdamBeta2, options.AdamEpsilon);
        _random = new DeterministicRandom(seed);
        _baseline = new MovingAverageBaseline(options.BaselineMomentum);
    }

    /// <summary>The documented parameters (<see cref="TunasOptions.Parameters"/>).</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters => TunasOptions.Parameters;

    /// <summary>The space.</summary>
    public SearchSpace Space { get; }

    /// <summary>The options.</summary>
    public TunasOptions Options { get; }

    /// <summary>How the decisions map to the logits.</summary>
    public PolicyLayout Layout => _policy.Layout;

    /// <summary>The logits (a copy).</summary>
    public IReadOnlyList<double> Logits => [.. _policy.Logits];

    /// <summary>Optimizer steps taken: updates that applied at least one reward.</summary>
    public int Updates { get; private set; }

    /// <summary>Rewards applied over all updates.</summary>
    public long RewardsReceived { get; private set; }

    /// <summary>Rewards rejected over all updates (unknown, duplicate or not finite).</summary>
    public long RewardsRejected { get; private set; }

    /// <summary>The id the next sample gets.</summary>
    public long NextSampleId { get; private set; }

    /// <summary>Samples not yet rewarded or released.</summary>
    public int Outstanding => _outstanding.Count;

    /// <summary>The reward baseline (0 before any update).</summary>
    public double Baseline => _baseline.Value;

    /// <summary>The policy's entropy in nats: the sum over learned decisions of each softmax's entropy.</summary>
    public double Entropy => _policy.Entropy();

    /// <summary>Creates the controller from parameter values by name (defaults filled in; unknown names and bad values throw).</summary>
    public static TunasController Create(SearchSpace space, IReadOnlyDictionary<string, string>? parameters, ulong seed) =>
        Create(space, new ResolvedParameters(TunasOptions.Parameters, parameters), seed);

    /// <summary>Creates the controller from resolved parameters.</summary>
    public static TunasController Create(SearchSpace space, ResolvedParameters parameters, ulong seed) =>
        new(space, TunasOptions.From(parameters), seed);

    /// <summary>The probabilities of decision <paramref name="index"/>'s values (or bins); empty when it is not learned.</summary>
    public IReadOnlyList<double> Probabilities(int index) => _policy.Probabilities(index);

    /// <summary>The log-probability of the learned choices of <paramref name="architecture"/> under the current policy.</summary>
    public double LogProb(Architecture architecture) => _policy.LogProb(architecture);

    /// <summary>Samples <paramref name="count"/> paths with the controller's own generator (part of its state).</summary>
    public IReadOnlyList<TunasSample> Sample(int count) => Sample(count, _random);

    /// <summary>Samples <paramref name="count"/> paths drawing every random number from <paramref name="random"/>; each is outstanding until rewarded.</summary>
    public IReadOnlyList<TunasSample> Sample(int count, DeterministicRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        var samples = new TunasSample[count];
        for (var i = 0; i < count; i++)
        {
            var sample = new TunasSample(NextSampleId++, _policy.Sample(random));
            _outstanding.Add(sample.Id, sample.Architecture);
            samples[i] = sample;
        }

        return samples;
    }

    /// <summary>
    /// The most likely architecture: each active decision's most likely value (the first of ties), the centre of the
    /// most likely bin for a binned decision, the centre of the range for an unlearned one; NaN when inactive.
    /// </summary>
    public Architecture Argmax()
    {
        var values = new double[Layout.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var d = Space.Decisions[i];
            values[i] = !Layout.IsActive(i, values) ? double.NaN
                : Layout.Actions(i) == 0 ? TunasArgmax.Centre(d)
                : TunasArgmax.Value(d, TunasArgmax.Index(_policy.Probabilities(i)), Options.FloatBins);
        }

        return new Architecture(values);
    }

    /// <summary>Closes outstanding samples that will not be rewarded (a later reward for them is a duplicate); returns how many were open.</summary>
    public int Release(IEnumerable<long> sampleIds)
    {
        ArgumentNullException.ThrowIfNull(sampleIds);
        return sampleIds.Count(_outstanding.Remove);
    }

    /// <summary>
    /// One update at the step of <paramref name="step"/> of <paramref name="totalSteps"/>: the learning rate is scaled
    /// by <see cref="TunasSchedule.LearningRateScale"/> of the options' schedule (0 during the RL delay).
    /// </summary>
    public TunasUpdate Update(IReadOnlyList<TunasReward> rewards, long step, long totalSteps) =>
        Update(rewards, Options.Schedule.LearningRateScale(step, totalSteps));
}
