using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.Paired;

/// <summary>
/// The parameters of the environment-design algorithms (<c>paired</c>, <c>minimax</c>, <c>domain-randomization</c>):
/// a round's size and the PPO settings of the three agents, with the defaults of the reference code
/// (google-research <c>social_rl/adversarial_env</c>, ucl-dark <c>paired</c>) where it has one.
/// </summary>
/// <param name="Envs">Levels the adversary builds per round (the students play each in its own environment).</param>
/// <param name="RolloutSteps">Student steps per environment per round (episodes restart on the same level).</param>
/// <param name="StudentSteps">Steps of a student episode before it times out; 0: the size's default (mini 50, medium 200, full 250).</param>
/// <param name="LearningRate">Adam's learning rate, every agent.</param>
/// <param name="Gamma">Discount.</param>
/// <param name="GaeLambda">GAE's lambda.</param>
/// <param name="Clip">PPO's clip range epsilon.</param>
/// <param name="Epochs">PPO epochs per round.</param>
/// <param name="Minibatches">Minibatches per epoch (split by environment).</param>
/// <param name="ValueCoefficient">Weight of the value loss.</param>
/// <param name="EntropyCoefficient">Weight of the students' entropy bonus.</param>
/// <param name="AdversaryEntropyCoefficient">Weight of the adversary's entropy bonus.</param>
/// <param name="MaxGradNorm">Gradient-norm clip.</param>
/// <param name="Hidden">LSTM width of every agent.</param>
/// <param name="NoiseDim">Length of the random vector the adversary sees (so that one policy can build many levels).</param>
/// <param name="EvalEvery">Rounds between evaluations of the protagonist on the held-out levels (the last round always evaluates).</param>
/// <param name="EvalEpisodes">Episodes per held-out level in an evaluation.</param>
public sealed record PairedOptions(
    int Envs,
    int RolloutSteps,
    int StudentSteps,
    double LearningRate,
    double Gamma,
    double GaeLambda,
    double Clip,
    int Epochs,
    int Minibatches,
    double ValueCoefficient,
    double EntropyCoefficient,
    double AdversaryEntropyCoefficient,
    double MaxGradNorm,
    int Hidden,
    int NoiseDim,
    int EvalEvery,
    int EvalEpisodes)
{
    /// <summary>The parameters, as specs name them.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        new("envs", ParameterKind.Integer, "32", "Levels the adversary builds per round; the protagonist and antagonist each play every one in its own environment (the reference's num_processes).", Min: 1, Max: 1024),
        new("rollout_steps", ParameterKind.Integer, "256", "Student steps per environment per round; an episode that ends restarts on the same level (the reference's num_steps).", Min: 1, Max: 4096),
        new("student_steps", ParameterKind.Integer, "0", "Steps of a student episode before it times out with reward 0; 0 takes the size's (mini 50, medium 200, full 250).", Min: 0, Max: 10_000),
        new("learning_rate", ParameterKind.Number, "0.0001", "Adam's learning rate of every agent.", Min: 1e-9, Max: 1),
        new("gamma", ParameterKind.Number, "0.995", "Discount of every agent.", Min: 0, Max: 1),
        new("gae_lambda", ParameterKind.Number, "0.95", "Generalized advantage estimation's lambda.", Min: 0, Max: 1),
        new("clip", ParameterKind.Number, "0.2", "PPO's clip range epsilon.", Min: 1e-6, Max: 1),
        new("epochs", ParameterKind.Integer, "5", "PPO epochs per round.", Min: 1, Max: 100),
        new("minibatches", ParameterKind.Integer, "1", "PPO minibatches per epoch, split by environment; at most envs.", Min: 1, Max: 1024),
        new("value_coefficient", ParameterKind.Number, "0.5", "Weight of the value loss.", Min: 0, Max: 100),
        new("entropy_coefficient", ParameterKind.Number, "0", "Weight of the students' entropy bonus.", Min: 0, Max: 10),
        new("adversary_entropy_coefficient", ParameterKind.Number, "0.005", "Weight of the adversary's entropy bonus.", Min: 0, Max: 10),
        new("max_grad_norm", ParameterKind.Number, "0.5", "Gradient-norm clip of every agent.", Min: 1e-6, Max: 1000),
        new("hidden", ParameterKind.Integer, "64", "LSTM width of every agent.", Min: 4, Max: 1024),
        new("noise_dim", ParameterKind.Integer, "50", "Length of the random vector the adversary sees each step.", Min: 0, Max: 1024),
        new("eval_every", ParameterKind.Integer, "10", "Rounds between evaluations of the protagonist on the held-out levels (the last round always evaluates; each saves the protagonist for nas export and nas play).", Min: 1, Max: 1_000_000),
        new("eval_episodes", ParameterKind.Integer, "100", "Episodes per held-out level in an evaluation.", Min: 1, Max: 10_000),
    ];

    /// <summary>Reads the options.</summary>
    public static PairedOptions From(ResolvedParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.GetInt("envs"),
            p.GetInt("rollout_steps"),
            p.GetInt("student_steps"),
            p.GetDouble("learning_rate"),
            p.GetDouble("gamma"),
            p.GetDouble("gae_lambda"),
            p.GetDouble("clip"),
            p.GetInt("epochs"),
            p.GetInt("minibatches"),
            p.GetDouble("value_coefficient"),
            p.GetDouble("entropy_coefficient"),
            p.GetDouble("adversary_entropy_coefficient"),
            p.GetDouble("max_grad_norm"),
            p.GetInt("hidden"),
            p.GetInt("noise_dim"),
            p.GetInt("eval_every"),
            p.GetInt("eval_episodes"));
    }
}
