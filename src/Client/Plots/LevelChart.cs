using NasOrleans.Core.Paired;
using ScottPlot;
using GridCell = NasOrleans.Core.Paired.GridCell;

namespace NasOrleans.Client.Plots;

/// <summary>A gridworld level as a PNG: walls dark, the goal green, the agent's start red, and a path drawn through the cells' centres.</summary>
internal static class LevelChart
{
    /// <summary>Writes <paramref name="level"/> with <paramref name="path"/> to <paramref name="file"/>; returns the full path.</summary>
    public static string Save(GridLevel level, IReadOnlyList<GridCell> path, string title, string file)
    {
        var plot = PlotFile.Create(title, "", "");
        var width = level.Size.Width;
        for (var y = 0; y < width; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var cell = new GridCell(x, y);
                var color = level.IsWall(x, y) ? Colors.DimGray : cell == level.Goal ? Colors.LimeGreen : cell == level.Agent ? Colors.Tomato : Colors.WhiteSmoke;
                var rect = plot.Add.Rectangle(x, x + 1, width - y - 1, width - y);
                rect.FillStyle.Color = color;
                rect.LineStyle.Color = Colors.LightGray;
            }
        }

        if (path.Count > 1)
        {
            var line = plot.Add.Scatter(path.Select(c => c.X + 0.5).ToArray(), path.Select(c => width - c.Y - 0.5).ToArray(), Colors.RoyalBlue);
            line.LineWidth = 3;
            line.MarkerSize = 5;
        }

        plot.Axes.SquareUnits();
        plot.HideGrid();
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        plot.SavePng(full, 600, 600);
        return full;
    }
}
