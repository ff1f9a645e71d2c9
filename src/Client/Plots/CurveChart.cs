using ScottPlot;

namespace NasOrleans.Client.Plots;

/// <summary>Lines of a metric over steps: one per series, in the palette's colours; a series may be dashed (a second study).</summary>
internal sealed class CurveChart
{
    private readonly Plot _plot;

    /// <summary>A chart with a title and axis labels.</summary>
    public CurveChart(string title, string xLabel, string yLabel)
    {
        _plot = PlotFile.Create(title, xLabel, yLabel);
    }

    /// <summary>Adds a line through <paramref name="points"/> (skipping non-finite values) in the <paramref name="color"/>-th palette colour, dashed when asked.</summary>
    public void AddLine(string legend, IReadOnlyList<ChartPoint> points, int color, bool dashed = false)
    {
        var shown = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        if (shown.Count == 0)
        {
            return;
        }

        var line = _plot.Add.Scatter(shown.Select(p => p.X).ToArray(), shown.Select(p => p.Y).ToArray(), PlotFile.SeriesColor(color));
        line.LineWidth = 2;
        line.MarkerSize = shown.Count == 1 ? 7 : 4;
        line.LinePattern = dashed ? LinePattern.Dashed : LinePattern.Solid;
        line.LegendText = legend;
    }

    /// <summary>Writes the chart as a PNG with its legend at <paramref name="legend"/>; returns the full path.</summary>
    public string Save(string path, Alignment legend = Alignment.UpperRight)
    {
        _plot.ShowLegend(legend);
        return PlotFile.Save(_plot, path);
    }
}
