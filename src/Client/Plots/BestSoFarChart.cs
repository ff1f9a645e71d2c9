using NasOrleans.Core.Reports;
using ScottPlot;

namespace NasOrleans.Client.Plots;

/// <summary>
/// Best-so-far curves: per series either the median over runs with its interquartile band shaded (repeated
/// searches), or one search's incumbent as a step line over its raw trial results.
/// </summary>
internal sealed class BestSoFarChart
{
    private readonly Plot _plot;
    private int _series;

    /// <summary>A chart with a title and axis labels.</summary>
    public BestSoFarChart(string title, string xLabel, string yLabel)
    {
        _plot = PlotFile.Create(title, xLabel, yLabel);
    }

    /// <summary>Adds a series of repeated runs: the median at each evaluation (1-based) and the band between the quartiles, edged by thin lines.</summary>
    public void AddBands(string name, IReadOnlyList<QuantileBand> bands)
    {
        var color = PlotFile.SeriesColor(_series++);
        if (bands.Count == 0)
        {
            return;
        }

        double[] xs = [.. bands.Select(b => b.Step + 1.0)];
        var fill = _plot.Add.FillY(xs, [.. bands.Select(b => b.Lower)], [.. bands.Select(b => b.Upper)]);
        fill.FillStyle.Color = color.WithAlpha(0.12);
        fill.LineStyle.Width = 0;
        foreach (var edge in new[] { bands.Select(b => b.Lower), bands.Select(b => b.Upper) })
        {
            var line = _plot.Add.ScatterLine(xs, [.. edge], color.WithAlpha(0.5));
            line.LineWidth = 1;
        }

        var median = _plot.Add.ScatterLine(xs, [.. bands.Select(b => b.Median)], color);
        median.LineWidth = 2.5f;
        median.LegendText = name;
    }

    /// <summary>
    /// Adds one search: its <paramref name="results"/> as points (<paramref name="muted"/> ones grey: failed the
    /// constraints) and its incumbent <paramref name="best"/> as a step line.
    /// </summary>
    public void AddTrace(string name, IReadOnlyList<ChartPoint> results, IReadOnlyList<bool> muted, IReadOnlyList<ChartPoint> best)
    {
        var color = PlotFile.SeriesColor(_series++);
        AddPoints(results.Where((_, i) => !muted[i]).ToList(), color, $"{name}: trials");
        AddPoints(results.Where((_, i) => muted[i]).ToList(), Colors.Gray.WithAlpha(0.6), $"{name}: infeasible trials");
        var line = best.Where(p => double.IsFinite(p.Y)).ToList();
        if (line.Count > 0)
        {
            var step = _plot.Add.ScatterLine(line.Select(p => p.X).ToArray(), line.Select(p => p.Y).ToArray(), color);
            step.ConnectStyle = ConnectStyle.StepHorizontal;
            step.LineWidth = 2;
            step.LegendText = $"{name}: best so far";
        }
    }

    /// <summary>Adds a dashed horizontal reference line (the best value there is).</summary>
    public void AddReference(string legend, double value)
    {
        var line = _plot.Add.HorizontalLine(value, 1.5f, Colors.Black, LinePattern.Dashed);
        line.LegendText = legend;
    }

    /// <summary>Writes the chart as a PNG with its legend at the lower right; returns the full path.</summary>
    public string Save(string path)
    {
        _plot.ShowLegend(Alignment.LowerRight);
        return PlotFile.Save(_plot, path);
    }

    private void AddPoints(List<ChartPoint> points, Color color, string legend)
    {
        if (points.Count == 0)
        {
            return;
        }

        var scatter = _plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), color);
        scatter.MarkerSize = 5;
        scatter.LegendText = legend;
    }
}
