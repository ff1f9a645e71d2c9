using NasOrleans.Core.Specs;
using NasOrleans.Core.Trainers;
using NasOrleans.Grains.Training;

namespace NasOrleans.Grains.Tests.Training;

public class StudyTrainersTests
{
    private readonly StudyTrainers _trainers = new(TrainerCatalog.Default, new TrainerEnvironment(null, TimeProvider.System));

    [Fact]
    public void TrialTimeout_SpecWithTimeout_ReadsItsSeconds()
    {
        var spec = new StudySpecBuilder("t").Maximize("validation_accuracy").AddInteger("c", 1, 6).WithAlgorithm("random", 1).WithTrainer("synthetic").WithBudget(2).WithTrialTimeout(90).Build();

        Assert.Equal(TimeSpan.FromSeconds(90), _trainers.TrialTimeout("h1", StudySpecJson.Serialize(spec)));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"name\": \"x\"}")]
    public void TrialTimeout_SpecThisBuildCannotRead_IsNoneInsteadOfThrowing(string json)
    {
        Assert.Null(_trainers.TrialTimeout("bad-" + json.Length, json));
    }
}
