using System.Globalization;

namespace NasOrleans.Training.Paired;

/// <summary>
/// What a <see cref="RecurrentAgent"/> sees and does: a flat observation of <see cref="Planes"/>×<see cref="Height"/>×<see cref="Width"/>
/// image floats (row-major, planes first; 0 planes for none) followed by <see cref="Extras"/> floats (direction one-hot, time
/// step, noise, ...), and <see cref="Actions"/> discrete actions.
/// </summary>
/// <param name="Planes">Image planes (channels); 0 when the observation has no image part.</param>
/// <param name="Height">Image height (ignored when <paramref name="Planes"/> is 0).</param>
/// <param name="Width">Image width (ignored when <paramref name="Planes"/> is 0).</param>
/// <param name="Extras">Floats appended after the image.</param>
/// <param name="Actions">The number of discrete actions.</param>
public sealed record AgentShape(int Planes, int Height, int Width, int Extras, int Actions)
{
    /// <summary>The floats of the image part: Planes×Height×Width, 0 without planes.</summary>
    public int ImageLength => Planes == 0 ? 0 : Planes * Height * Width;

    /// <summary>The floats of one observation: the image then the extras.</summary>
    public int ObservationLength => ImageLength + Extras;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field out of range, and the valid range.</summary>
    public void Validate()
    {
        Check(Planes >= 0, nameof(Planes), Planes, ">= 0");
        if (Planes > 0)
        {
            Check(Height >= 1, nameof(Height), Height, ">= 1 when Planes > 0");
            Check(Width >= 1, nameof(Width), Width, ">= 1 when Planes > 0");
        }

        Check(Extras >= 0, nameof(Extras), Extras, ">= 0");
        Check(ObservationLength >= 1, nameof(Extras), Extras, ">= 1 when Planes is 0 (an observation needs at least one float)");
        Check(Actions >= 1, nameof(Actions), Actions, ">= 1");
    }

    /// <summary>The shape as text, for example <c>3x5x5+4 floats, 3 actions</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Planes}x{Height}x{Width}+{Extras} floats, {Actions} actions");

    private static void Check(bool ok, string field, int value, string range)
    {
        if (!ok)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"AgentShape.{field} is {value}; it must be {range}."), field);
        }
    }
}
