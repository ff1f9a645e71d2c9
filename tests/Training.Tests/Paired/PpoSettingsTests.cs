using NasOrleans.Training.Paired;

namespace NasOrleans.Training.Tests.Paired;

public class PpoSettingsTests
{
    [Fact]
    public void Validate_Defaults_AreThePapersAndValid()
    {
        var s = new PpoSettings();
        s.Validate();

        Assert.Equal((1e-4, 0.995, 0.95, 0.2, 5, 1), (s.LearningRate, s.Gamma, s.GaeLambda, s.Clip, s.Epochs, s.Minibatches));
        Assert.Equal((0.5, 0.0, 0.5, 64), (s.ValueCoefficient, s.EntropyCoefficient, s.MaxGradNorm, s.Hidden));
    }

    [Theory]
    [InlineData(nameof(PpoSettings.Gamma), "PpoSettings.Gamma is 1.5; it must be in [0, 1].")]
    [InlineData(nameof(PpoSettings.Clip), "PpoSettings.Clip is 0; it must be in (0, 1).")]
    [InlineData(nameof(PpoSettings.Epochs), "PpoSettings.Epochs is 0; it must be in [1, 1000].")]
    [InlineData(nameof(PpoSettings.EntropyCoefficient), "PpoSettings.EntropyCoefficient is -0.1; it must be in [0, 1000].")]
    [InlineData(nameof(PpoSettings.LearningRate), "PpoSettings.LearningRate is NaN; it must be in (0, 1].")]
    public void Validate_FieldOutOfRange_ThrowsNamingFieldAndRange(string field, string message)
    {
        var s = field switch
        {
            nameof(PpoSettings.Gamma) => new PpoSettings { Gamma = 1.5 },
            nameof(PpoSettings.Clip) => new PpoSettings { Clip = 0 },
            nameof(PpoSettings.Epochs) => new PpoSettings { Epochs = 0 },
            nameof(PpoSettings.EntropyCoefficient) => new PpoSettings { EntropyCoefficient = -0.1 },
            _ => new PpoSettings { LearningRate = double.NaN },
        };

        var e = Assert.Throws<ArgumentException>(s.Validate);

        Assert.Equal(field, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AgentShapeValidate_NoFloatsAtAll_ThrowsNamingExtras()
    {
        var e = Assert.Throws<ArgumentException>(() => new AgentShape(0, 0, 0, 0, 3).Validate());

        Assert.Equal(nameof(AgentShape.Extras), e.ParamName);
        Assert.Contains("at least one float", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObservationLength_ImageAndExtras_IsTheirSum()
    {
        Assert.Equal((3 * 5 * 5) + 4, new AgentShape(3, 5, 5, 4, 3).ObservationLength);
        Assert.Equal(4, new AgentShape(0, 5, 5, 4, 3).ObservationLength);
    }
}
