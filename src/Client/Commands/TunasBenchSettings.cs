using System.Globalization;

namespace NasOrleans.Client.Commands;

/// <summary>The sizes of <c>nas bench tunas</c> (see <see cref="TunasBenchRunner"/>).</summary>
internal sealed record TunasBenchSettings
{
    /// <summary>Supernet search steps of every search.</summary>
    public long Steps { get; init; } = 750;

    /// <summary>Epochs of every stand-alone training.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Random architectures of the ranking.</summary>
    public int Archs { get; init; } = 30;

    /// <summary>Fashion-MNIST training images (the supernet's and every stand-alone training's).</summary>
    public int TrainSamples { get; init; } = 10_000;

    /// <summary>The seed of the architectures, the searches, the trainings and the bootstrap.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>libtorch threads.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>The supernet's training batch (the reward's validation batch is 4x).</summary>
    public int Batch { get; init; } = 64;

    /// <summary>The controller's Adam learning rate (TuNAS's 0.0048 is set for ~10^5 steps; a search of hundreds wants more).</summary>
    public double ControllerLearningRate { get; init; } = 0.05;

    /// <summary>Held-out validation images: the rewards, the one-shot accuracies and the strategies' scores come from them.</summary>
    public int ValidationSize { get; init; } = 2000;

    /// <summary>Test images of the stand-alone accuracies (0: all 10,000).</summary>
    public int TestSamples { get; init; }

    /// <summary>Bootstrap resamples of each interval.</summary>
    public int Resamples { get; init; } = 2000;

    /// <summary>The problems of the settings, each naming its option (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(problems, Steps is >= 4 and <= 100_000, "--steps must be 4 to 100000.");
        Check(problems, Epochs is >= 1 and <= 100, "--epochs must be 1 to 100.");
        Check(problems, Archs is >= 3 and <= 1000, "--archs must be 3 to 1000 (a rank correlation needs a few points).");
        Check(problems, TrainSamples is >= 100 and <= 10_000, "--train-samples must be 100 to 10000 (the issue's size for 2 cores).");
        Check(problems, Threads is >= 1 and <= 256, "--threads must be 1 to 256.");
        Check(problems, Batch is >= 8 and <= 1024, "--batch must be 8 to 1024.");
        Check(problems, ControllerLearningRate is > 0 and <= 10, "--controller-lr must be in (0, 10].");
        Check(problems, ValidationSize is >= 100 and <= 20_000, "the validation size must be 100 to 20000.");
        Check(problems, TestSamples is >= 0 and <= 10_000, "the test size must be 0 (all) to 10000.");
        Check(problems, Resamples is >= 10 and <= 1_000_000, "the bootstrap resamples must be 10 to 1000000.");
        return problems;
    }

    /// <summary>The settings in one line, for the summary.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Steps} search steps at batch {Batch}, {Epochs} stand-alone epoch(s), {Archs} random architectures, {TrainSamples} training images, {ValidationSize} validation images, controller lr {ControllerLearningRate}, seed {Seed}, {Threads} thread(s)");

    private static void Check(List<string> problems, bool ok, string message)
    {
        if (!ok)
        {
            problems.Add(message);
        }
    }
}
