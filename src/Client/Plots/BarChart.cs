using ScottPlot;

namespace NasOrleans.Client.Plots;

/// <summary>Vertical bars, one per named category, each labelled with its text above it.</summary>
internal sealed class BarChart
{
    private readonly Plot _plot;
    private readonly List<(string Category, double Value, string Label)> _bars = [];

    /// <summary>A chart with a title and axis labels.</summary>
    public BarChart(string title, string xLabel, string yLabel)
    {
        _plot = PlotFile.Create(title, xLabel, yLabel);
    }

    /// <summary>Adds a bar of <paramref name="value"/> for <paramref name="category"/>, with <paramref name="label"/> written above it.</summary>
    public void AddBar(string category, double value, string label) => _bars.Add((category, value, label));

    /// <summary>Writes the chart as a PNG with the value axis from 0 to <paramref name="top"/>; returns the full path.</summary>
    public string Save(string path, double top)
    {
        double[] positions = [.. _bars.Select((_, i) => (double)i)];
        var bars = _plot.Add.Bars(positions, [.. _bars.Select(b => b.Value)]);
        for (var i = 0; i < bars.Bars.Count; i++)
        {
            bars.Bars[i].FillColor = PlotFile.SeriesColor(0);
            bars.Bars[i].Label = _bars[i].Label;
        }

        bars.ValueLabelStyle.FontSize = 14;
        _plot.Axes.Bottom.SetTicks(positions, [.. _bars.Select(b => b.Category)]);
        _plot.Axes.SetLimits(-0.6, Math.Max(0.6, _bars.Count - 0.4), 0, top * 1.12);
        return PlotFile.Save(_plot, path);
    }
}
