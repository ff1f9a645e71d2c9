using NasOrleans.Core.Nb201;
using NasOrleans.Core.Predictors;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Tests.Predictors;

public class ArchitectureKernelTests
{
    [Fact]
    public void Evaluate_CountsDifferingDecisions()
    {
        var encoder = new ArchitectureEncoder(Nb201Space.Instance);
        var kernel = new ArchitectureKernel(encoder, 3);
        var a = encoder.Encode(new Architecture([0.0, 1, 2, 3, 4, 0]));
        var b = encoder.Encode(new Architecture([0.0, 1, 2, 3, 0, 1]));
        Assert.Equal(2, kernel.Distance(a, b));
        Assert.Equal(Math.Exp(-3.0 * 2 / 6), kernel.Evaluate(a, b), 12);
        Assert.Equal(1, kernel.Evaluate(a, a));
    }

    [Fact]
    public void Distance_NumericAndInactive_CountsFractionsAndPresence()
    {
        var space = new SearchSpace("custom",
        [
            Decision.Categorical("on", ["no", "yes"]),
            Decision.Float("x", 0, 1, condition: new DecisionCondition("on", ["yes"])),
            Decision.Float("y", 0, 10),
        ]);
        var encoder = new ArchitectureEncoder(space);
        var kernel = new ArchitectureKernel(encoder, 1);
        var a = encoder.Encode(new Architecture([1.0, 0.25, 5]));
        var b = encoder.Encode(new Architecture([1.0, 0.75, 7]));
        var c = encoder.Encode(new Architecture([0.0, double.NaN, 5]));
        Assert.Equal(0.5 + 0.2, kernel.Distance(a, b), 12);
        Assert.Equal(2, kernel.Distance(a, c), 12);
        Assert.Equal(0, kernel.Distance(c, c));
    }
}
