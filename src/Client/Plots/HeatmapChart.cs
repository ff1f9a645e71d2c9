using System.Globalization;
using ScottPlot;

namespace NasOrleans.Client.Plots;

/// <summary>
/// A square matrix of values in [0, 1] as coloured cells, each with its value written in it, the row and column
/// names on the axes (row 0 at the top), as a similarity matrix reads.
/// </summary>
internal sealed class HeatmapChart
{
    private readonly Plot _plot;

    /// <summary>A chart with a title and axis labels.</summary>
    public HeatmapChart(string title, string xLabel, string yLabel)
    {
        _plot = PlotFile.Create(title, xLabel, yLabel);
    }

    /// <summary>Draws <paramref name="values"/> (rows and columns named by <paramref name="names"/>) and writes the PNG; returns the full path.</summary>
    public string Save(string path, IReadOnlyList<string> names, double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = names.Count;
        var colormap = new ScottPlot.Colormaps.Viridis();
        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < n; column++)
            {
                var value = values[row, column];
                var y = n - 1 - row;
                var cell = _plot.Add.Rectangle(column - 0.5, column + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = double.IsFinite(value) ? colormap.GetColor(Math.Clamp(value, 0, 1)) : Colors.LightGray;
                cell.LineColor = Colors.White;
                cell.LineWidth = 2;
                var text = _plot.Add.Text(double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "-", column, y);
                text.LabelFontSize = n > 8 ? 12 : 20;
                text.LabelBold = true;
                text.LabelFontColor = value > 0.6 ? Colors.Black : Colors.White;
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        }

        double[] positions = [.. Enumerable.Range(0, n).Select(i => (double)i)];
        _plot.Axes.Bottom.SetTicks(positions, [.. names]);
        _plot.Axes.Left.SetTicks([.. positions.Reverse()], [.. names]);
        _plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        _plot.Grid.IsVisible = false;
        return PlotFile.Save(_plot, path);
    }
}
