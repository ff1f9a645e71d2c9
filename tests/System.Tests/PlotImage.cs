using SkiaSharp;

namespace NasOrleans.System.Tests;

/// <summary>Checks a PNG plot that nas wrote: its signature, its size and that text was drawn in its title strip.</summary>
internal static class PlotImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void AssertPlot(string path, int width = 1000, int height = 600)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(Signature, bytes.Take(Signature.Length));
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));

        // The title is centred in the top 20 rows: without a font (no text drawn) they are all background.
        var dark = 0;
        for (var y = 0; y < 20; y++)
        {
            for (var x = width / 4; x < width * 3 / 4; x++)
            {
                var c = bitmap.GetPixel(x, y);
                dark += c.Red + c.Green + c.Blue < 300 ? 1 : 0;
            }
        }

        Assert.True(dark > 100, $"{path}: the title strip has {dark} dark pixels; was the title drawn (a font found)?");
    }
}
