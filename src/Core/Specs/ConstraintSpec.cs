namespace NasOrleans.Core.Specs;

/// <summary>A bound on a reported metric (<c>params</c>, <c>flops</c>, <c>latency_ms</c>, …); at least one of Min and Max is set.</summary>
public sealed record ConstraintSpec(string Metric, double? Min, double? Max);
