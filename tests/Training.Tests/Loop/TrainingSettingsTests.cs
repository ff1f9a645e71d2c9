using NasOrleans.Training.Loop;

namespace NasOrleans.Training.Tests.Loop;

public class TrainingSettingsTests
{
    [Fact]
    public void Validate_Defaults_HaveNoProblems()
    {
        Assert.Empty(new TrainingSettings().Validate());
    }

    [Fact]
    public void Validate_BadValues_NamesEachParameter()
    {
        var settings = new TrainingSettings { LearningRate = double.NaN, BatchSize = 0, LabelSmoothing = 1, WarmupEpochs = 5, Epochs = 2, Threads = -1 };

        var problems = settings.Validate();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("learning_rate", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("warmup_epochs", StringComparison.Ordinal));
    }

    [Fact]
    public void LearningRateAt_Cosine_DecaysFromPeakToNearZero()
    {
        var settings = new TrainingSettings { LearningRate = 0.1, Epochs = 2, Schedule = LearningRateSchedule.Cosine };

        Assert.Equal(0.1, settings.LearningRateAt(0, 10), 6);
        Assert.Equal(0.05, settings.LearningRateAt(10, 10), 6);
        Assert.True(settings.LearningRateAt(19, 10) < 0.001);
    }

    [Fact]
    public void LearningRateAt_Warmup_RisesLinearlyThenHolds()
    {
        var settings = new TrainingSettings { LearningRate = 0.1, Epochs = 3, WarmupEpochs = 1, Schedule = LearningRateSchedule.Constant };

        Assert.Equal(0.01, settings.LearningRateAt(0, 10), 6);
        Assert.Equal(0.05, settings.LearningRateAt(4, 10), 6);
        Assert.Equal(0.1, settings.LearningRateAt(10, 10), 6);
        Assert.Equal(0.1, settings.LearningRateAt(29, 10), 6);
    }

    [Theory]
    [InlineData("flip+crop", Augmentation.Flip | Augmentation.Crop)]
    [InlineData("none", Augmentation.None)]
    [InlineData("crop", Augmentation.Crop)]
    public void ParseAugmentation_Name_GivesFlags(string name, Augmentation expected)
    {
        Assert.Equal(expected, TrainingChoices.ParseAugmentation(name));
    }

    [Fact]
    public void ParseOptimizer_UnknownName_ListsKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingChoices.ParseOptimizer("rmsprop"));

        Assert.Contains("adam, adamw, sgd", error.Message, StringComparison.Ordinal);
    }
}
