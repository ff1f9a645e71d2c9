using NasOrleans.Training.Models;

namespace NasOrleans.Training.Data;

/// <summary>What a dataset probe found: the sample shape, the classes, and the train and validation sizes.</summary>
public sealed record DatasetShape(InputShape Shape, int Classes, int TrainRows, int ValidationRows);
