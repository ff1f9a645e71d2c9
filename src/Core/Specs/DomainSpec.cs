namespace NasOrleans.Core.Specs;

/// <summary>
/// One domain of a multi-domain search (the <c>domains:</c> list of a study spec): a named dataset that the same search
/// trains and evaluates on, as MPNAS searches one controller per domain over a shared supernet. Settings left out come
/// from the trainer's parameters. No algorithm reads domains yet; they are parsed, validated and kept with the spec.
/// </summary>
/// <param name="Name">The domain's name, unique within the spec: lowercase letters, digits, '_' and '-'.</param>
/// <param name="Dataset">The dataset, any name the trainer accepts (for the torch trainer: <c>mnist</c>,
/// <c>inverted:upsampled:digits</c>, <c>idx:…</c>, …).</param>
/// <param name="BatchSize">Samples per training batch; null: the trainer's <c>batch_size</c>.</param>
/// <param name="ValidationSize">Validation samples taken from the training part (a count, a fraction below 1, or 0 for the
/// dataset's default, as the torch trainer's <c>validation_size</c>); null: the trainer's <c>validation_size</c>.</param>
/// <param name="MaxTrainSamples">Train on at most this many training samples; 0 for all. The default,
/// <see cref="DefaultMaxTrainSamples"/>, is the design's size of a domain for a 2-core machine; larger values are accepted.</param>
/// <param name="Weight">Reserved for weighting the domains' rewards or losses; positive, 1 by default.</param>
public sealed record DomainSpec(
    string Name,
    string Dataset,
    int? BatchSize = null,
    double? ValidationSize = null,
    int MaxTrainSamples = DomainSpec.DefaultMaxTrainSamples,
    double Weight = 1)
{
    /// <summary>The training samples of a domain when <c>max_train_samples</c> is left out.</summary>
    public const int DefaultMaxTrainSamples = 10_000;

    /// <summary>The most domains one spec may list.</summary>
    public const int MaxDomains = 16;

    /// <summary>The longest domain name.</summary>
    public const int NameMaxLength = 64;

    /// <summary>The largest batch size (the torch trainer's bound).</summary>
    public const int MaxBatchSize = 65_536;
}
