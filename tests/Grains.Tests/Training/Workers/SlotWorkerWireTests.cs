using System.Text.Json;
using NasOrleans.Grains.Training.Workers;

namespace NasOrleans.Grains.Tests.Training.Workers;

public sealed class SlotWorkerWireTests
{
    [Fact]
    public void Parse_LineWithoutThePrefix_IsNativeOutputNotAMessage() =>
        Assert.Null(SlotWorkerWire.Parse("""{"kind":"outcome","succeeded":true}"""));

    [Fact]
    public void Parse_PrefixWithoutJson_ThrowsJsonException() =>
        Assert.ThrowsAny<JsonException>(() => SlotWorkerWire.Parse(SlotWorkerWire.Prefix + "{ broken"));

    [Fact]
    public void FormatThenParse_Metrics_RoundTripBitForBitIncludingNaN()
    {
        var metrics = new Dictionary<string, double> { ["loss"] = 0.1 + 0.2, ["tiny"] = double.Epsilon, ["diverged"] = double.NaN, ["inf"] = double.PositiveInfinity };

        var parsed = SlotWorkerWire.Parse(SlotWorkerWire.Format(new SlotWorkerMessage { Kind = SlotWorkerMessageKinds.Outcome, Metrics = metrics }));

        Assert.NotNull(parsed);
        Assert.Equal(SlotWorkerMessageKinds.Outcome, parsed.Kind);
        Assert.All(metrics, m => Assert.Equal(BitConverter.DoubleToInt64Bits(m.Value), BitConverter.DoubleToInt64Bits(parsed.Metrics![m.Key])));
    }
}
