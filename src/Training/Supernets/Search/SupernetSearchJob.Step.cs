using System.Diagnostics;
using System.Globalization;
using NasOrleans.Core.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Supernets.Search;

/// <summary>The training and validation of one step of <see cref="SupernetSearchJob"/>.</summary>
public sealed partial class SupernetSearchJob
{
    private double[] _stepLosses = [];
    private readonly Stopwatch _controllerClock = new();
    private SupernetModelCost? _modelCostCache;

    private SupernetModelCost ModelCost => _modelCostCache ??= new(_supernet.Space, _supernet.Input, _supernet.Classes);

    /// <summary>Asks every controller for the paths of the sample window holding <paramref name="step"/>, from that step on.</summary>
    private async Task EnsurePathsAsync(long step, CancellationToken cancellationToken)
    {
        if (_domains[0].Paths.ContainsKey(step))
        {
            return;
        }

        var window = Settings.ControllerSampleBatch;
        var end = Math.Min(((step / window) + 1) * window, Settings.TotalSteps);
        var count = (int)(end - step);
        foreach (var domain in _domains)
        {
            IReadOnlyList<Core.Spaces.Architecture> paths;
            using (new ClockScope(_controllerClock))
            {
                paths = await _controllers.SampleAsync(domain.Index, step, count, cancellationToken).ConfigureAwait(false);
            }

            if (paths is null || paths.Count != count)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture, $"The controller of domain '{domain.Domain.Name}' gave {paths?.Count ?? 0} paths for steps {step}..{end - 1}; expected {count}."));
            }

            domain.Paths.Clear();
            for (var i = 0; i < count; i++)
            {
                domain.Paths[step + i] = paths[i];
            }
        }
    }

    /// <summary>One optimizer step of the shared weights on every domain's batch; the divergence in words, or null.</summary>
    private string? Train(long step)
    {
        var total = Settings.TotalSteps;
        var learningRate = Settings.LearningRateAt(step);
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }

        var warmup = Settings.Schedule.OpWarmupProbability(step, total);
        double? w = Settings.Abdp ? Settings.AbdpW : null;
        _stepLosses = new double[_domains.Length];
        _supernet.train();
        ClearGradients();
        foreach (var domain in _domains)
        {
            using var scope = NewDisposeScope();
            var data = domain.Domain.Train;
            using var index = tensor(domain.TrainOrder.Indices(step), ScalarType.Int64);
            var x = data.Features.index_select(0, index).to(_device);
            var y = data.Labels.index_select(0, index).to(_device);
            var random = new DeterministicRandom(SupernetSeeds.Mix(Settings.Seed, (ulong)domain.Index, SupernetSeeds.OpWarmup, (ulong)step));
            var logits = _supernet.forward(x, domain.Paths[step], domain.Index, warmup, random);
            var loss = nn.functional.cross_entropy(logits, y);
            var value = loss.item<float>();
            if (!float.IsFinite(value))
            {
                ClearGradients();
                return string.Create(CultureInfo.InvariantCulture, $"The training loss of domain '{domain.Domain.Name}' was {value} at step {step}.");
            }

            _stepLosses[domain.Index] = value;
            AbdpLoss.Term(loss, w).backward();
        }

        _optimizer.step();
        return null;
    }

    /// <summary>
    /// Drops every gradient (PyTorch's <c>zero_grad(set_to_none=True)</c>): the optimizer skips parameters the step's
    /// paths did not use, so no weight decay or momentum moves them. Zeroed gradients instead would make whether an op
    /// moves depend on whether any earlier step of this process touched it, which a resumed job cannot know.
    /// </summary>
    private void ClearGradients()
    {
        foreach (var parameter in _parameters)
        {
            parameter.grad = null;
        }
    }

    /// <summary>Every domain's path accuracy on its validation batch (batch statistics, buffers restored), its reward, and the interval's sums.</summary>
    private void Evaluate(long step)
    {
        var learns = Settings.Schedule.Learns(step, Settings.TotalSteps);
        var shares = Settings.CostScope == SupernetCostScope.Model && Settings.CostMetric == SupernetCostMetric.Params
            ? ModelCost.Shares([.. _domains.Select(d => d.Paths[step])])
            : null;
        var target = shares is null ? Settings.CostTarget : Settings.CostTarget / _domains.Length;
        foreach (var domain in _domains)
        {
            var path = domain.Paths[step];
            var accuracy = Accuracy(domain, path, step);
            var cost = shares?[domain.Index] ?? domain.Cost(_supernet, path, Settings.CostMetric);
            var reward = Settings.Reward(accuracy, cost, target);
            if (learns)
            {
                domain.Pending.Add(new StepReward(step, reward, accuracy * 100, cost));
            }

            domain.Add(_stepLosses[domain.Index], accuracy * 100, reward);
        }
    }

    private double Accuracy(SupernetDomainRun domain, Core.Spaces.Architecture path, long step)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var data = domain.Domain.Validation;
        using var index = tensor(domain.ValidationOrder.Indices(step), ScalarType.Int64);
        var x = data.Features.index_select(0, index).to(_device);
        var y = data.Labels.index_select(0, index).to(_device);
        var saved = domain.Buffers.Select(b => b.clone()).ToArray();
        _supernet.train();
        var logits = _supernet.forward(x, path, domain.Index);
        for (var i = 0; i < saved.Length; i++)
        {
            domain.Buffers[i].copy_(saved[i]);
        }

        var correct = logits.argmax(1).eq(y).sum().item<long>();
        return (double)correct / domain.ValidationBatch;
    }
}
