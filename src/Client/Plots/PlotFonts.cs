using SkiaSharp;

namespace NasOrleans.Client.Plots;

/// <summary>
/// Chooses the font of the plots once: DejaVu Sans when Skia finds it (Debian's fonts-dejavu-core, which
/// scripts/setup.sh installs), else the first family Skia finds. Skia's Linux library here reads font files from
/// /usr/share/fonts without fontconfig; with no font there the plots have no text, and a warning says so.
/// </summary>
internal static class PlotFonts
{
    private const string Preferred = "DejaVu Sans";
    private static readonly Lazy<string?> Chosen = new(Choose, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The family the plots use, or null when Skia found no font.</summary>
    public static string? Family => Chosen.Value;

    private static string? Choose()
    {
        var families = SKFontManager.Default.FontFamilies.Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
        var family = families.Contains(Preferred, StringComparer.Ordinal) ? Preferred : families.Order(StringComparer.Ordinal).FirstOrDefault();
        if (family is null)
        {
            Console.Error.WriteLine("nas: no font was found under /usr/share/fonts, so the plots have no text; install one (Debian: apt-get install fonts-dejavu-core).");
            return null;
        }

        ScottPlot.Fonts.Default = family;
        return family;
    }
}
