using NasOrleans.Core.Spaces;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>One domain's working state inside a <see cref="SupernetSearchJob"/> run.</summary>
internal sealed class SupernetDomainRun
{
    private readonly Dictionary<Architecture, double> _costs = [];
    private double _loss;
    private double _accuracy;
    private double _reward;
    private int _steps;

    public SupernetDomainRun(int index, SupernetSearchDomain domain, int batch, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(domain.Train);
        ArgumentNullException.ThrowIfNull(domain.Validation);
        if (domain.Train.Count == 0 || domain.Validation.Count == 0)
        {
            throw new ArgumentException($"Domain '{domain.Name}' needs training and validation samples.", nameof(domain));
        }

        (Index, Domain, Batch) = (index, domain, batch);
        ValidationBatch = Math.Min(4 * batch, domain.Validation.Count);
        TrainOrder = new SupernetBatchOrder(domain.Train.Count, batch, SupernetSeeds.Mix(seed, (ulong)index, SupernetSeeds.TrainOrder));
        ValidationOrder = new SupernetBatchOrder(domain.Validation.Count, ValidationBatch, SupernetSeeds.Mix(seed, (ulong)index, SupernetSeeds.ValidationOrder));
    }

    public int Index { get; }

    public SupernetSearchDomain Domain { get; }

    public int Batch { get; }

    /// <summary>4x the training batch (TuNAS), at most the validation part.</summary>
    public int ValidationBatch { get; }

    public SupernetBatchOrder TrainOrder { get; }

    public SupernetBatchOrder ValidationOrder { get; }

    /// <summary>The paths of the current sample window, by step.</summary>
    public Dictionary<long, Architecture> Paths { get; } = [];

    /// <summary>Rewards computed after the RL delay and not yet sent.</summary>
    public List<StepReward> Pending { get; set; } = [];

    /// <summary>The curve's points so far (from step 0).</summary>
    public List<SupernetCurvePoint> Curve { get; set; } = [];

    /// <summary>The domain's batch-norm buffers (running statistics, batch counts), restored after a validation pass.</summary>
    public IReadOnlyList<Tensor> Buffers { get; set; } = [];

    /// <summary>The path's cost, computed once per path.</summary>
    public double Cost(Supernet supernet, Architecture path, SupernetCostMetric metric)
    {
        if (!_costs.TryGetValue(path, out var cost))
        {
            var (parameters, flops) = supernet.PathCost(path, Index);
            cost = metric == SupernetCostMetric.Flops ? flops : parameters;
            _costs[path] = cost;
        }

        return cost;
    }

    /// <summary>Adds one step to the current interval.</summary>
    public void Add(double loss, double accuracy, double reward)
    {
        (_loss, _accuracy, _reward) = (_loss + loss, _accuracy + accuracy, _reward + reward);
        _steps++;
    }

    /// <summary>Closes the interval ending after <paramref name="step"/> steps into a curve point.</summary>
    public SupernetCurvePoint Close(long step)
    {
        var n = Math.Max(1, _steps);
        var point = new SupernetCurvePoint(step, _steps, _loss / n, _accuracy / n, _reward / n);
        Curve.Add(point);
        (_loss, _accuracy, _reward, _steps) = (0, 0, 0, 0);
        return point;
    }
}
