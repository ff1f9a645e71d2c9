using NasOrleans.Training.Paired;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests.Paired;

public class PpoMathTests
{
    // Clip ε = 0.2, so the ratio is clipped to [0.8, 1.2]; old log-probs are −1, new ones −1 + ln r.
    //   r = 1.1, A = +1: min(1.1·1, 1.1·1)      =  1.1   (inside the range)
    //   r = 1.5, A = +2: min(1.5·2, 1.2·2)      =  2.4   (above, positive A: clipped)
    //   r = 0.5, A = −1: min(0.5·−1, 0.8·−1)    = −0.8   (below, negative A: clipped)
    //   r = 0.7, A = +1: min(0.7·1, 0.8·1)      =  0.7   (below, positive A: not clipped)
    //   r = 1.5, A = −1: min(1.5·−1, 1.2·−1)    = −1.5   (above, negative A: not clipped)
    // sum = 1.1 + 2.4 − 0.8 + 0.7 − 1.5 = 1.9; mean = 0.38; loss = −0.38.
    private static readonly float[] Ratios = [1.1f, 1.5f, 0.5f, 0.7f, 1.5f];
    private static readonly float[] Advantages = [1f, 2f, -1f, 1f, -1f];
    private static readonly float[] Old = [.. Ratios.Select(_ => -1f)];
    private static readonly float[] New = [.. Ratios.Select(r => -1f + MathF.Log(r))];

    [Fact]
    public void ClippedSurrogate_Arrays_MatchesHandComputedLoss()
    {
        Assert.Equal(-0.38, PpoMath.ClippedSurrogate(New, Old, Advantages, 0.2), 5);
    }

    [Fact]
    public void ClippedSurrogate_Tensors_MatchesHandComputedLossAndGradient()
    {
        using var scope = NewDisposeScope();
        var newLogp = tensor(New).requires_grad_(true);
        var loss = PpoMath.ClippedSurrogate(newLogp, tensor(Old), tensor(Advantages), 0.2);
        loss.backward();

        Assert.Equal(-0.38, loss.item<float>(), 5);
        // d loss / d new_i = −r_i·A_i / 5 where the unclipped term is the minimum, 0 where the clipped one is.
        var expected = new[] { -1.1 * 1 / 5, 0, 0, -0.7 * 1 / 5, -1.5 * -1 / 5 };
        var grad = newLogp.grad!.data<float>().ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], grad[i], 5);
        }
    }

    // γ = 0.5, λ = 0.5; rewards 1 2 3 4, values 0.5 1 1.5 2, done after step 1, V_4 = 4.
    //   t=3: δ = 4 + 0.5·4 − 2 = 4;             A = 4;                  R = 4 + 2 = 6
    //   t=2: δ = 3 + 0.5·2 − 1.5 = 2.5;         A = 2.5 + 0.25·4 = 3.5; R = 3.5 + 1.5 = 5
    //   t=1: done, δ = 2 + 0 − 1 = 1;           A = 1 (no carry-over);  R = 1 + 1 = 2
    //   t=0: δ = 1 + 0.5·1 − 0.5 = 1;           A = 1 + 0.25·1 = 1.25;  R = 1.25 + 0.5 = 1.75
    private static readonly float[] Rewards = [1, 2, 3, 4];
    private static readonly float[] Values = [0.5f, 1, 1.5f, 2];
    private static readonly bool[] Dones = [false, true, false, false];
    private static readonly float[] ExpectedAdvantages = [1.25f, 1, 3.5f, 4];
    private static readonly float[] ExpectedReturns = [1.75f, 2, 5, 6];

    [Fact]
    public void Gae_DoneInTheMiddle_MatchesHandComputedValues()
    {
        var (advantages, returns) = PpoMath.Gae(Rewards, Values, Dones, 4f, 0.5, 0.5);

        Assert.Equal(ExpectedAdvantages, advantages);
        Assert.Equal(ExpectedReturns, returns);
    }

    [Fact]
    public void Gae_TwoEnvsStepMajorAndTensors_AgreeWithTheSingleEnvResult()
    {
        // Env 0 is the hand-computed sequence; env 1 the same rewards with no done and V_4 = 0.
        float[] rewards = [.. Rewards.SelectMany(r => new[] { r, r })];
        float[] values = [.. Values.SelectMany(v => new[] { v, v })];
        bool[] dones = [.. Dones.SelectMany(d => new[] { d, false })];
        var (a, r) = PpoMath.Gae(rewards, values, dones, [4f, 0f], 0.5, 0.5);
        var (a1, r1) = PpoMath.Gae(Rewards, Values, new bool[4], 0f, 0.5, 0.5);

        Assert.Equal(ExpectedAdvantages, a.Where((_, i) => i % 2 == 0));
        Assert.Equal(ExpectedReturns, r.Where((_, i) => i % 2 == 0));
        Assert.Equal(a1, a.Where((_, i) => i % 2 == 1));
        Assert.Equal(r1, r.Where((_, i) => i % 2 == 1));

        using var scope = NewDisposeScope();
        var (ta, tr) = PpoMath.Gae(tensor(rewards, [4, 2]), tensor(values, [4, 2]), tensor(dones, [4, 2]), tensor(new[] { 4f, 0f }), 0.5, 0.5);
        var flatA = ta.reshape(-1).data<float>().ToArray();
        var flatR = tr.reshape(-1).data<float>().ToArray();
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], flatA[i], 5);
            Assert.Equal(r[i], flatR[i], 5);
        }
    }

    [Fact]
    public void ClippedValueLoss_ValueMovedPastTheClip_TakesTheLargerError()
    {
        // Old V 0, returns 1, clip 0.2. New V 0.5: clipped 0.2, errors (0.5−1)² = 0.25 and (0.2−1)² = 0.64 → 0.64.
        // New V 1.5: clipped 0.2, errors 0.25 and 0.64 → 0.64. Loss = 0.5·mean(0.64, 0.64) = 0.32.
        using var scope = NewDisposeScope();
        var loss = PpoMath.ClippedValueLoss(tensor(new[] { 0.5f, 1.5f }), zeros(2), ones(2), 0.2);

        Assert.Equal(0.32, loss.item<float>(), 5);
    }
}
