using NasOrleans.Client.Commands;
using NasOrleans.Core.Spaces;
using NasOrleans.Core.Specs;
using NasOrleans.Grains.Interfaces.Messages;
using NasOrleans.Training;

namespace NasOrleans.Client.Tests.Commands;

/// <summary>Weight-sharing studies built without training: a spec, synthetic curve points and known argmax paths.</summary>
internal static class SupernetStudies
{
    /// <summary>Two stages of up to two blocks; decisions per stage: depth, block, kernel, expansion, width.</summary>
    public const string Space = """
        space:
          kind: mobile-cnn
          parameters: { stages: 2, max_depth: 2, blocks: fused_ibn, kernels: "3,5", expansions: "1,2", widths: "8,16" }
        """;

    /// <summary>s1 2x k3 e1 w8; s2 1x k3 e1 w16.</summary>
    public const string PathA = "2,0,0,0,0,1,0,0,0,1";

    /// <summary>s1 2x k3 e1 w16; s2 1x k5 e1 w16: shares s1b0 and s1b1 with <see cref="PathA"/>, not s2b0.</summary>
    public const string PathB = "2,0,0,0,1,1,0,1,0,1";

    /// <summary>An mpnas spec over the domains <paramref name="domains"/>, with <paramref name="abdp"/> as its loss combination.</summary>
    public static StudySpec Spec(string name, bool abdp = true, string space = Space, params string[] domains)
    {
        var listed = domains.Length > 0 ? domains : ["a", "b"];
        return StudySpecParser.ParseYaml($$"""
            name: {{name}}
            objective: { metric: validation_accuracy }
            {{space}}
            algorithm: { name: mpnas, seed: 1, parameters: { steps: 30, checkpoint_every: 10, abdp: {{(abdp ? "true" : "false")}}, abdp_w: 2 } }
            trainer: { kind: torch, parameters: { dataset: fashion-mnist, batch_size: 16 } }
            budget: { max_trials: 1 }
            domains:
            {{string.Join('\n', listed.Select(d => $"  - {{ name: {d}, dataset: fashion-mnist }}"))}}
            """, TorchTrainers.Catalog);
    }

    /// <summary>Three checkpoints (steps 10, 20, 30) per domain: the loss falls by <paramref name="lossStep"/> a checkpoint (the k-th domain's 0.2 k higher), the entropy by 0.5.</summary>
    public static IReadOnlyList<CurvePoint> Curve(IReadOnlyList<string> domains, double lossStep = 0.5) =>
        [.. Enumerable.Range(1, 3).Select(i =>
        {
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { ["step"] = i * 10, ["samples_per_second"] = 100 };
            foreach (var (d, k) in domains.Select((d, k) => (d, k)))
            {
                metrics[$"{d}.train_loss"] = 3 - (i * lossStep) + (0.2 * k);
                metrics[$"{d}.validation_accuracy"] = 20 * i;
                metrics[$"{d}.entropy"] = 4 - (i * 0.5);
            }

            return new CurvePoint(i * 10, metrics, DateTimeOffset.UnixEpoch.AddMinutes(i));
        })];

    /// <summary>A loaded study of <paramref name="spec"/>: the synthetic curve, <paramref name="metrics"/> as final metrics, <paramref name="paths"/> per domain (default A, then B).</summary>
    public static SupernetStudy Study(StudySpec spec, IReadOnlyDictionary<string, double>? metrics = null, double lossStep = 0.5, params string[] paths)
    {
        var domains = SupernetStudy.DomainsOf(spec);
        var keys = paths.Length > 0 ? paths : domains.Select((_, i) => i % 2 == 0 ? PathA : PathB).ToArray();
        return new SupernetStudy(spec.Name, spec, SpaceCatalog.Create(spec.Space), domains, Curve(domains, lossStep), metrics ?? new Dictionary<string, double>(), [.. keys.Select(Architecture.FromKey)]);
    }
}
