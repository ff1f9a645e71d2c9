using NasOrleans.Core.Nb201;
using NasOrleans.Core.Predictors;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Tests.Nb201;

namespace NasOrleans.Core.Tests.Predictors;

public class ArchitecturePredictorTests
{
    [Fact]
    public void Predict_Nb201After100Samples_RanksUnseenCellsByValidationAccuracy()
    {
        var table = Nb201TestData.Table;
        var predictor = new ArchitecturePredictor(Nb201Space.Instance, 3, 0.1, 0.25);
        var random = new DeterministicRandom(4);
        var rows = table.Rows;
        var training = new HashSet<int>();
        while (training.Count < 100)
        {
            training.Add(random.NextInt(rows.Count));
        }

        foreach (var i in training)
        {
            predictor.Add(rows[i].Architecture, rows[i].Value("c10valid_valid_12ep"));
        }

        var heldOut = Enumerable.Range(0, rows.Count).Where(i => !training.Contains(i)).Where((_, k) => k % 10 == 0).ToList();
        var predicted = heldOut.Select(i => predictor.Predict(rows[i].Architecture)).ToArray();
        var actual = heldOut.Select(i => rows[i].Value("c10valid_valid_12ep")).ToArray();
        Assert.InRange(Spearman(predicted, actual), 0.5, 1);
    }

    [Fact]
    public void Predict_SameObservations_GiveSamePredictions()
    {
        var a = new ArchitecturePredictor(Nb201Space.Instance, 3, 0.1, 0.25);
        var b = new ArchitecturePredictor(Nb201Space.Instance, 3, 0.1, 0.25);
        var random = new DeterministicRandom(1);
        for (var i = 0; i < 20; i++)
        {
            var arch = Nb201Space.Instance.Sample(random);
            a.Add(arch, i % 7);
            b.Add(arch, i % 7);
        }

        var probe = Nb201Space.Instance.Sample(random);
        Assert.Equal(a.Predict(probe), b.Predict(probe));
        Assert.Equal(20, a.Count);
    }

    private static double Spearman(double[] a, double[] b)
    {
        var ra = Ranks(a);
        var rb = Ranks(b);
        var ma = ra.Average();
        var mb = rb.Average();
        var num = ra.Zip(rb).Sum(p => (p.First - ma) * (p.Second - mb));
        return num / Math.Sqrt(ra.Sum(x => (x - ma) * (x - ma)) * rb.Sum(y => (y - mb) * (y - mb)));
    }

    private static double[] Ranks(double[] v)
    {
        var r = new double[v.Length];
        var order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            r[order[i]] = i;
        }

        return r;
    }
}
