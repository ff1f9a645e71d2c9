using ScottPlot;

namespace NasOrleans.Client.Plots;

/// <summary>The common look of the PNG plots and how they are written.</summary>
internal static class PlotFile
{
    /// <summary>The width of every plot in pixels.</summary>
    public const int Width = 1000;

    /// <summary>The height of every plot in pixels.</summary>
    public const int Height = 600;

    /// <summary>A plot with a title, axis labels and the chosen font.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (PlotFonts.Family is { } family)
        {
            plot.Font.Set(family);
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>The i-th colour of the series palette.</summary>
    public static Color SeriesColor(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    /// <summary>Writes <paramref name="plot"/> as a <see cref="Width"/> x <see cref="Height"/> PNG, creating the folder; returns the full path.</summary>
    public static string Save(Plot plot, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        plot.SavePng(full, Width, Height);
        return full;
    }

    /// <summary>A file name made of <paramref name="name"/>: letters, digits, '-', '_' and '.' kept, anything else '_'.</summary>
    public static string FileName(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}
