namespace NasOrleans.Core.Specs;

/// <summary>
/// Everything that defines a study. Obtain one from the parser (YAML or JSON) or the builder;
/// both validate it, listing every problem in one error.
/// </summary>
public sealed record StudySpec(
    string Name,
    ObjectiveSpec Objective,
    IReadOnlyList<ConstraintSpec> Constraints,
    SpaceSpec Space,
    AlgorithmSpec Algorithm,
    TrainerSpec Trainer,
    BudgetSpec Budget)
{
    /// <summary>Optional early stopping of trials from their learning curves; null: trials run to the end.</summary>
    public EarlyStoppingSpec? EarlyStopping { get; init; }

    /// <summary>
    /// Optional domains of a multi-domain search (<c>domains:</c>), each a named dataset with its own sizes; null when the spec
    /// gives none, so that the spec is searched on the trainer's single dataset as before. No algorithm uses them yet.
    /// </summary>
    public IReadOnlyList<DomainSpec>? Domains { get; init; }
}
