using ScottPlot;

namespace NasOrleans.Client.Plots;

/// <summary>
/// An objective (accuracy) against a cost (params, FLOPs, latency): every candidate as a point, infeasible ones
/// grey, the Pareto front as a step line and the constraint's limit as a vertical line.
/// </summary>
internal sealed class ParetoChart
{
    private readonly Plot _plot;
    private int _series;

    /// <summary>A chart with a title and axis labels.</summary>
    public ParetoChart(string title, string costLabel, string valueLabel)
    {
        _plot = PlotFile.Create(title, costLabel, valueLabel);
    }

    /// <summary>Adds points in the next series colour, or grey when <paramref name="muted"/> (infeasible, or background).</summary>
    public void AddPoints(string legend, IReadOnlyList<ChartPoint> points, bool muted = false, float size = 6)
    {
        var color = muted ? Colors.Gray.WithAlpha(0.45) : PlotFile.SeriesColor(_series++);
        if (points.Count == 0)
        {
            return;
        }

        var scatter = _plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), color);
        scatter.MarkerSize = size;
        scatter.LegendText = legend;
    }

    /// <summary>
    /// Adds the Pareto front, by increasing cost, as a step line: each front point's value holds until a costlier
    /// point improves it (for a minimized objective, pass the points as they are: the steps go down).
    /// </summary>
    public void AddFront(string legend, IReadOnlyList<ChartPoint> front)
    {
        if (front.Count == 0)
        {
            return;
        }

        var line = _plot.Add.Scatter(front.Select(p => p.X).ToArray(), front.Select(p => p.Y).ToArray(), Colors.Black);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2;
        line.MarkerSize = 7;
        line.LegendText = legend;
    }

    /// <summary>Adds a dashed vertical line at a constraint's limit on the cost.</summary>
    public void AddLimit(string legend, double cost)
    {
        var line = _plot.Add.VerticalLine(cost, 2, Colors.Red, LinePattern.Dashed);
        line.LegendText = legend;
    }

    /// <summary>Shows only values between <paramref name="lowest"/> and <paramref name="highest"/> (to zoom in on the top of a crowd).</summary>
    public void LimitValues(double lowest, double highest) => _plot.Axes.SetLimitsY(lowest, highest);

    /// <summary>Writes the chart as a PNG with its legend at <paramref name="legend"/>; returns the full path.</summary>
    public string Save(string path, Alignment legend = Alignment.LowerRight)
    {
        _plot.ShowLegend(legend);
        return PlotFile.Save(_plot, path);
    }
}
