using TorchSharp;
using static TorchSharp.torch;

namespace NasOrleans.Training.Tests;

public class NativeTorchTests
{
    [Fact]
    public void Adam_OnThisMachine_LoadsNativeTorchAndLowersTheLoss()
    {
        torch.manual_seed(1);
        var x = randn(256, 20);
        var y = (x.sum(1) > 0).to(ScalarType.Int64);
        var model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 2));
        var optimizer = optim.Adam(model.parameters(), 0.01);
        double first = 0, last = 0;
        for (var i = 0; i < 100; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(x), y);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
            first = i == 0 ? last : first;
        }

        Assert.True(last < first / 2, $"loss went from {first} to {last}");
    }
}
