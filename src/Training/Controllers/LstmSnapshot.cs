namespace NasOrleans.Training.Controllers;

/// <summary>The saved state of an LSTM controller: each tensor's values, Adam's moments and step count.</summary>
/// <param name="Parameters">Each parameter tensor's values, in the model's order.</param>
/// <param name="M">Adam's first moments, per tensor.</param>
/// <param name="V">Adam's second moments, per tensor.</param>
/// <param name="Steps">Adam steps taken.</param>
internal sealed record LstmSnapshot(double[][] Parameters, double[][] M, double[][] V, int Steps);
