using NasOrleans.Core.Nb201;
using NasOrleans.Core.Randomness;
using NasOrleans.Core.Spaces;

namespace NasOrleans.Core.Tests.Spaces;

public class SearchSpaceTests
{
    private static SearchSpace Conditional() => new("custom",
    [
        Decision.Categorical("block", ["plain", "residual", "bottleneck"]),
        Decision.Integer("expansion", 2, 6, 2, new DecisionCondition("block", ["bottleneck"])),
        Decision.Categorical("kernel", ["3", "5"], new DecisionCondition("block", ["residual", "bottleneck"])),
        Decision.Float("dropout", 0.0, 0.5),
    ]);

    private static SearchSpace Unconditional() => new("custom",
    [
        Decision.Categorical("activation", ["relu", "gelu", "swish"]),
        Decision.Integer("layers", 1, 8),
        Decision.Float("lr", 1e-4, 1e-1, log: true),
        Decision.Categorical("fixed", ["only"]),
    ]);

    [Fact]
    public void Sample_ConditionalSpace_SetsExactlyTheActiveDecisions()
    {
        var space = Conditional();
        var random = new DeterministicRandom(1);
        for (var i = 0; i < 500; i++)
        {
            var a = space.Sample(random);
            var block = space.Decisions[0].Choices[(int)a[0]];
            Assert.Equal(block == "bottleneck", !double.IsNaN(a[1]));
            Assert.Equal(block != "plain", !double.IsNaN(a[2]));
            if (!double.IsNaN(a[1]))
            {
                Assert.Contains(a[1], new[] { 2.0, 4.0, 6.0 });
            }

            Assert.InRange(a[3], 0.0, 0.5);
        }
    }

    [Fact]
    public void Sample_LogFloat_StaysInBoundsAndSpreadsOverDecades()
    {
        var space = Unconditional();
        var random = new DeterministicRandom(2);
        var values = Enumerable.Range(0, 2000).Select(_ => space.Sample(random)[2]).ToList();
        Assert.All(values, v => Assert.InRange(v, 1e-4, 1e-1));
        Assert.InRange(values.Count(v => v < 1e-3), 500, 833);
    }

    [Fact]
    public void Mutate_UnconditionalSpace_ChangesExactlyOneDecision()
    {
        var space = Unconditional();
        var random = new DeterministicRandom(3);
        var changed = new int[space.Decisions.Count];
        for (var i = 0; i < 600; i++)
        {
            var parent = space.Sample(random);
            var child = space.Mutate(parent, random);
            var differing = Enumerable.Range(0, space.Decisions.Count).Where(d => !parent[d].Equals(child[d])).ToList();
            Assert.Single(differing);
            changed[differing[0]]++;
        }

        Assert.Equal(0, changed[3]); // a decision with one value never changes
        Assert.All(changed.Take(3), c => Assert.InRange(c, 150, 250));
    }

    [Fact]
    public void Mutate_ConditionalSpace_KeepsConditionsConsistent()
    {
        var space = Conditional();
        var random = new DeterministicRandom(4);
        for (var i = 0; i < 300; i++)
        {
            var child = space.Mutate(space.Sample(random), random);
            for (var d = 0; d < space.Decisions.Count; d++)
            {
                Assert.Equal(space.IsActive(d, child.Values), !double.IsNaN(child[d]));
            }
        }
    }

    [Fact]
    public void Neighbours_Nb201_AreTwentyFourOneEdgeChanges()
    {
        var space = Nb201Space.Instance;
        var center = space.Sample(new DeterministicRandom(5));
        var neighbours = space.Neighbours(center, new DeterministicRandom(6)).ToList();
        Assert.Equal(6 * 4, neighbours.Count);
        Assert.Equal(24, neighbours.Select(n => n.Key).Distinct().Count());
        Assert.All(neighbours, n => Assert.Equal(1, n.Values.Zip(center.Values).Count(p => !p.First.Equals(p.Second))));
    }

    [Fact]
    public void Cardinality_Nb201AndConditional_CountArchitectures()
    {
        Assert.Equal(15_625, Nb201Space.Instance.Cardinality);
        var discrete = new SearchSpace("custom", [.. Conditional().Decisions.Take(3)]);
        Assert.Equal(1 + 2 + (3 * 2), discrete.Cardinality); // plain; residual x kernel; bottleneck x expansion x kernel
        Assert.Null(Conditional().Cardinality);
    }

    [Fact]
    public void Describe_FromDescription_RoundTrips()
    {
        var space = Conditional();
        var random = new DeterministicRandom(7);
        for (var i = 0; i < 50; i++)
        {
            var a = space.Sample(random);
            Assert.Equal(a, space.FromDescription(space.Describe(a)));
        }
    }

    [Fact]
    public void Validate_BadDecisions_ListsEveryProblem()
    {
        var problems = SearchSpace.Validate(
        [
            Decision.Categorical("a", []),
            Decision.Integer("b", 5, 1),
            Decision.Categorical("c", ["x"], new DecisionCondition("later", ["y"])),
            Decision.Categorical("a", ["p"]),
        ]);
        Assert.Equal(4, problems.Count);
        Assert.Throws<ArgumentException>(() => new SearchSpace("custom", [Decision.Float("lr", 0, 1, log: true)]));
    }

    [Fact]
    public void CanonicalKey_BaseSpace_IsArchitectureKey()
    {
        var space = Unconditional();
        var a = space.Sample(new DeterministicRandom(8));
        Assert.Equal(a.Key, space.CanonicalKey(a));
    }
}
