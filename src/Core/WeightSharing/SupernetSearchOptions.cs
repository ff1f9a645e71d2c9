using System.Globalization;
using NasOrleans.Core.Strategies;

namespace NasOrleans.Core.WeightSharing;

/// <summary>The supernet search's own parameters of the <c>tunas</c> and <c>mpnas</c> algorithms (the controller's are <see cref="TunasOptions"/>).</summary>
/// <param name="Steps">Supernet training steps (each trains every domain on one batch along its path).</param>
/// <param name="CheckpointEvery">Steps between checkpoints (and progress reports).</param>
/// <param name="CostMetric">The cost in the reward: <c>params</c> or <c>flops</c>.</param>
/// <param name="Abdp">Whether the domains' losses combine as ABDP (<c>sum exp(L/w)</c>) or as a plain sum.</param>
/// <param name="AbdpW">ABDP's temperature w.</param>
/// <param name="SampleBatch">Steps of paths asked of a controller per call.</param>
/// <param name="SharedLearningRate">The shared weights' peak learning rate (SGD, Nesterov momentum 0.9, cosine decay).</param>
/// <param name="CostScope">Whose parameters the reward counts: <c>path</c> (the domain's own) or <c>model</c> (the multi-path model of every domain's path, shared nodes once).</param>
/// <param name="FinalSteps">Steps of the final model's training from scratch along the domains' argmax paths (0: no final model).</param>
public sealed record SupernetSearchOptions(long Steps, int CheckpointEvery, string CostMetric, bool Abdp, double AbdpW, int SampleBatch, double SharedLearningRate, long FinalSteps, string CostScope = "model")
{
    /// <summary>The job kind of these algorithms (a lease's work kind).</summary>
    public const string JobKind = "supernet-search";

    /// <summary>The study artifact holding the final multi-path model's package (what <c>nas export</c> writes out).</summary>
    public const string FinalModelArtifact = "supernet/model";

    /// <summary>The parameters, as specs name them.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        new("steps", ParameterKind.Integer, "1000", "Supernet training steps; each trains every domain on one batch along the path its controller sampled.", Min: 1, Max: 10_000_000),
        new("checkpoint_every", ParameterKind.Integer, "100", "Steps between checkpoints (to the trial store's artifact table) and progress reports; a search resumed after a trainer's loss repeats at most these.", Min: 1, Max: 1_000_000),
        new("cost_metric", ParameterKind.Text, "params", "The cost in the reward: params or flops of the path's stand-alone network.", Choices: ["params", "flops"]),
        new("cost_scope", ParameterKind.Text, "model", "Whose parameters the reward weighs: model (MPNAS: cost_target is the whole multi-path model's budget; each domain is charged its share of the unique parameters of the model its and the other domains' sampled paths make, every weight split among the domains using it, against cost_target divided among the domains, so a controller lowers its cost by taking the others' nodes) or path (each domain's own path against the whole cost_target, as a domain-independent search). FLOPs are per domain either way.", Choices: ["model", "path"]),
        new("abdp", ParameterKind.Boolean, "true", "Combine the domains' losses as MPNAS's adaptive balanced domain prioritization, sum exp(L/w), instead of a plain sum."),
        new("abdp_w", ParameterKind.Number, "2", "ABDP's temperature w (large: close to the plain sum).", Min: 1e-3, Max: 1e6),
        new("sample_batch", ParameterKind.Integer, "16", "Steps of paths asked of each controller per call (fewer grain round trips).", Min: 1, Max: 4096),
        new("shared_learning_rate", ParameterKind.Number, "0.05", "Peak learning rate of the shared weights (SGD with Nesterov momentum 0.9, cosine decay).", Min: 1e-9, Max: 100),
        new("final_steps", ParameterKind.Integer, "1000", "After the search: steps of the final model, the domains' argmax paths as one multi-path network (nodes chosen by two or more domains shared) trained from scratch with the same loss; its test accuracy per domain is the study's result and nas export writes it. 0: no final model.", Min: 0, Max: 10_000_000),
    ];

    /// <summary>Reads the options.</summary>
    public static SupernetSearchOptions From(ResolvedParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            long.Parse(p.GetString("steps"), CultureInfo.InvariantCulture),
            p.GetInt("checkpoint_every"),
            p.GetString("cost_metric"),
            p.GetBool("abdp"),
            p.GetDouble("abdp_w"),
            p.GetInt("sample_batch"),
            p.GetDouble("shared_learning_rate"),
            long.Parse(p.GetString("final_steps"), CultureInfo.InvariantCulture),
            p.GetString("cost_scope"));
    }
}
