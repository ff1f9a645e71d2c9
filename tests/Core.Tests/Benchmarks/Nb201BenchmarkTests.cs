using NasOrleans.Core.Benchmarks;
using NasOrleans.Core.Nb201;
using NasOrleans.Core.Tests.Nb201;
using NasOrleans.Core.Trainers;

namespace NasOrleans.Core.Tests.Benchmarks;

public class Nb201BenchmarkTests
{
    private static readonly Dictionary<string, string> Evolution = new() { ["population_size"] = "10", ["sample_size"] = "3" };

    [Fact]
    public void Run_RandomBudget100Over500Runs_ReplaysPublishedRandomSearch()
    {
        var result = new Nb201Benchmark(Nb201TestData.Table).Run("random", null, budget: 100, runs: 500);
        Assert.InRange(result.Mean, 93.70 - 0.15, 93.70 + 0.15);
        Assert.InRange(result.Std, 0.2, 0.5);
        Assert.Equal(100, result.Evaluations);
        Assert.Equal(500, result.PerRun.Count);
        Assert.Equal(94.3733, result.Optimum, 4);
        Assert.All(result.PerRun, r => Assert.True(r.TestAccuracy <= result.Optimum));
    }

    [Fact]
    public void Run_EvolutionBudget100_BeatsRandomMean()
    {
        var benchmark = new Nb201Benchmark(Nb201TestData.Table);
        var random = benchmark.Run("random", null, budget: 100, runs: 200, baseSeed: 1000);
        var evolution = benchmark.Run("evolution", Evolution, budget: 100, runs: 200, baseSeed: 1000);
        Assert.True(evolution.Mean > random.Mean, $"evolution {evolution.Mean:F3} vs random {random.Mean:F3}");
    }

    [Fact]
    public void Run_SameSeedsTwice_GivesIdenticalResults()
    {
        var benchmark = new Nb201Benchmark(Nb201TestData.Table);
        var a = benchmark.Run("evolution", Evolution, budget: 50, runs: 40, baseSeed: 7);
        var b = benchmark.Run("evolution", Evolution, budget: 50, runs: 40, baseSeed: 7, maxDegreeOfParallelism: 1);
        Assert.Equal(a.Mean, b.Mean);
        Assert.Equal(a.Std, b.Std);
        Assert.Equal(a.Median, b.Median);
        Assert.Equal(a.PerRun.Count, b.PerRun.Count);
        for (var run = 0; run < a.PerRun.Count; run++)
        {
            AssertSameRun(a.PerRun[run], b.PerRun[run]);
        }
    }

    [Fact]
    public void Run_RunsUseConsecutiveSeeds_InRunOrder()
    {
        var benchmark = new Nb201Benchmark(Nb201TestData.Table);
        var result = benchmark.Run("random", null, budget: 10, runs: 5, baseSeed: 40);
        Assert.Equal([40UL, 41, 42, 43, 44], result.PerRun.Select(r => r.Seed));
        AssertSameRun(benchmark.RunOnce("random", null, 10, 42), result.PerRun[2]);
    }

    [Fact]
    public void RunOnce_Curve_IsIncumbentTestAccuracyAfterEachEvaluation()
    {
        var table = Nb201TestData.Table;
        var run = new Nb201Benchmark(table).RunOnce("evolution", Evolution, budget: 60, seed: 3);
        Assert.Equal(60, run.Evaluations);
        Assert.Equal(60, run.Curve.Count);
        Assert.True(run.Proposals >= run.Evaluations);
        var best = table.Find(run.BestArchString)!;
        Assert.Equal(best.Value("c10valid_valid_12ep"), run.BestSearchMetric);
        Assert.Equal(best.Value("c10_test_200ep"), run.TestAccuracy);
        Assert.Equal(run.TestAccuracy, run.Curve[^1]);
    }

    [Fact]
    public void RunOnce_BudgetAboveIsomorphismClasses_StopsAtProposalGuard()
    {
        // The space has 6,466 classes, so 7,000 distinct evaluations cannot be reached.
        var run = new Nb201Benchmark(Nb201TestData.Table).RunOnce("random", null, budget: 7000, seed: 1);
        Assert.Equal((100 * 7000) + 1000, run.Proposals);
        Assert.Equal(6466, run.Evaluations);
    }

    [Fact]
    public void Run_OtherDataset_ReportsItsTestColumn()
    {
        var result = new Nb201Benchmark(Nb201TestData.Table, Nb201Dataset.Cifar100).Run("random", null, budget: 20, runs: 10);
        Assert.Equal("cifar100", result.Dataset);
        Assert.Equal(73.513, result.Optimum, 3);
        Assert.InRange(result.Mean, 50, 73.6);
    }

    [Fact]
    public void Run_ReinforceBudget100_ReplaysPublishedReinforce()
    {
        var result = new Nb201Benchmark(Nb201TestData.Table).Run("reinforce", null, budget: 100, runs: 200, baseSeed: 500);
        Assert.InRange(result.Mean, 93.85 - 0.15, 93.85 + 0.15);
        Assert.Equal(100, result.Evaluations);
    }

    [Fact]
    public void Run_LocalSearchBudget100_BeatsEvolution()
    {
        var benchmark = new Nb201Benchmark(Nb201TestData.Table);
        var local = benchmark.Run("local-search", null, budget: 100, runs: 200, baseSeed: 2000);
        var evolution = benchmark.Run("evolution", Evolution, budget: 100, runs: 200, baseSeed: 2000);
        Assert.True(local.Mean > evolution.Mean + 0.1, $"local search {local.Mean:F3} vs evolution {evolution.Mean:F3}");
    }

    [Fact]
    public void Run_PredictorLocalSearchBudget100_ReachesAbout94Point2()
    {
        var result = new Nb201Benchmark(Nb201TestData.Table).Run("predictor-local-search", null, budget: 100, runs: 100, baseSeed: 3000);
        Assert.True(result.Mean > 94.15, $"mean {result.Mean:F3}");
        Assert.Equal(100, result.Evaluations);
    }

    [Fact]
    public void Run_NeuralPredictorBudget100_BeatsRandom()
    {
        var benchmark = new Nb201Benchmark(Nb201TestData.Table);
        var predictor = benchmark.Run("neural-predictor", null, budget: 100, runs: 100, baseSeed: 4000);
        var random = benchmark.Run("random", null, budget: 100, runs: 100, baseSeed: 4000);
        Assert.True(predictor.Mean > random.Mean + 0.2, $"neural predictor {predictor.Mean:F3} vs random {random.Mean:F3}");
    }

    [Fact]
    public void Run_RandomUnderLatencyConstraint_AnswersOnlyFeasibleCellsAndCountsInfeasibleOnes()
    {
        var table = Nb201TestData.Table;
        var constraint = Nb201Constraint.Parse("lat_pixel3:max=10");
        var result = new Nb201Benchmark(table).Run("random", null, budget: 50, runs: 40, constraint: constraint);
        var summary = result.Constraint!;
        Assert.Equal(93.625, summary.Optimum, 3);
        Assert.InRange(summary.InfeasibleShare, 0.3, 0.8);
        Assert.Equal(0, summary.RunsWithoutAnswer);
        Assert.Equal(summary.Optimum - result.Mean, summary.MeanRegret, 9);
        Assert.All(result.PerRun, r => Assert.True(table.Find(r.BestArchString)!.Value("lat_pixel3") <= 10));
        Assert.True(summary.SignalOptimum <= summary.Optimum);
    }

    [Fact]
    public void Run_TabNasUnderLatencyConstraint_TrainsNoInfeasibleCell()
    {
        var constraint = Nb201Constraint.Parse("lat_pixel3:max=10");
        var result = new Nb201Benchmark(Nb201TestData.Table).Run("tabnas", null, budget: 100, runs: 30, constraint: constraint);
        Assert.Equal(0, result.Constraint!.InfeasibleShare);
        Assert.InRange(result.Constraint.MeanRegret, 0, 1.5);
    }

    [Fact]
    public void RunOnce_UnknownConstraintColumn_Throws() =>
        Assert.Throws<ArgumentException>(() => new Nb201Benchmark(Nb201TestData.Table).RunOnce("random", null, 10, 1, new Nb201Constraint("nope", null, 1)));

    [Fact]
    public void Run_ConstraintOnTheTestAccuracy_IsRefusedAsACost()
    {
        var e = Assert.Throws<ArgumentException>(() => new Nb201Benchmark(Nb201TestData.Table).Run("reinforce", null, 10, 1, constraint: Nb201Constraint.Parse("c10_test_200ep:max=95")));

        Assert.Contains("cannot be a cost", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_AccuracyColumnsShuffledAcrossCells_GivesStrategiesIdenticalInputs()
    {
        var original = Nb201TestData.Table;
        var path = ShuffledAccuracies(Nb201TestData.TablePath);
        var shuffled = Nb201Table.Load(path);
        File.Delete(path);
        Assert.NotEqual(original.Column("c10_test_200ep"), shuffled.Column("c10_test_200ep"));
        var cells = original.Rows.Select(r => r.Architecture).ToList();

        foreach (var column in original.NumericColumns)
        {
            var constraint = new Nb201Constraint(column, null, 10);
            if (!CostAllowList.IsAllowed(column))
            {
                Assert.Throws<ArgumentException>(() => new Nb201Benchmark(original).Context(constraint));
                continue;
            }

            var before = new Nb201Benchmark(original).Context(constraint);
            var after = new Nb201Benchmark(shuffled).Context(constraint);
            Assert.Equal(before.CostLimit, after.CostLimit);
            Assert.Equal(cells.Select(before.Cost!), cells.Select(after.Cost!));
        }
    }

    /// <summary>A copy of the table whose accuracy columns (valid, test) are permuted across cells, the other columns kept.</summary>
    private static string ShuffledAccuracies(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var accuracy = Enumerable.Range(0, header.Length).Where(i => header[i].Contains("valid", StringComparison.Ordinal) || header[i].Contains("test", StringComparison.Ordinal)).ToList();
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var shuffle = new Random(7);
        var order = Enumerable.Range(0, rows.Count).OrderBy(_ => shuffle.Next()).ToList();
        var result = rows.Select((row, r) =>
        {
            var copy = (string[])row.Clone();
            accuracy.ForEach(i => copy[i] = rows[order[r]][i]);
            return string.Join(',', copy);
        });
        var target = Path.Combine(Path.GetTempPath(), $"nb201-shuffled-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(target, [lines[0], .. result]);
        return target;
    }

    [Fact]
    public void Run_UnknownAlgorithm_Throws() =>
        Assert.Throws<ArgumentException>(() => new Nb201Benchmark(Nb201TestData.Table).Run("nope", null, 10, 1));

    private static void AssertSameRun(Nb201RunResult expected, Nb201RunResult actual)
    {
        Assert.Equal(expected.Seed, actual.Seed);
        Assert.Equal(expected.Evaluations, actual.Evaluations);
        Assert.Equal(expected.Proposals, actual.Proposals);
        Assert.Equal(expected.BestArchString, actual.BestArchString);
        Assert.Equal(expected.BestSearchMetric, actual.BestSearchMetric);
        Assert.Equal(expected.TestAccuracy, actual.TestAccuracy);
        Assert.Equal(expected.Curve, actual.Curve);
    }
}
