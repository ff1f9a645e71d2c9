using System.Text.Json;
using NasOrleans.Storage.Sqlite;
using NasOrleans.Training.Data;
using NasOrleans.Training.Export;

namespace NasOrleans.System.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-export-" + Guid.NewGuid().ToString("N"));

    public ExportTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Export_BestTorchModel_ReproducesItsTestAccuracyInThisProcess()
    {
        var spec = Path.Combine(_directory, "fm.yaml");
        await File.WriteAllTextAsync(spec, """
            name: fm-export
            objective: { metric: validation_accuracy }
            space: { kind: mlp, parameters: { max_layers: 2, widths: "32,64" } }
            algorithm: { name: random, seed: 2 }
            trainer: { kind: torch, parameters: { dataset: fashion-mnist, epochs: 1, max_train_samples: 3000, threads: 2 } }
            budget: { max_trials: 3, parallel_trials: 1 }
            """);
        var data = Path.Combine(_directory, "data");
        var (runCode, runOutput) = await NasProcess.RunAsync(TimeSpan.FromMinutes(5), "run", spec, "--data-dir", data, "--slots", "1");
        Assert.True(runCode == 0, runOutput);
        var package = Path.Combine(_directory, "best.nasmodel");

        var (code, output) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "export", "--out", package, "--json", "--data-dir", data);

        Assert.True(code == 0, output);
        using var exported = JsonDocument.Parse(output);
        var reported = exported.RootElement.GetProperty("metrics").GetProperty("test_accuracy").GetDouble();
        var study = await new SqliteTrialStore(new SqliteStorageOptions { DataDirectory = data }).GetStudyAsync("fm-export");
        Assert.Equal(study!.BestTrialId, exported.RootElement.GetProperty("trial").GetInt64());

        using var model = ExportedModel.Load(package, "cpu");
        var split = DatasetCatalog.Default.Load(new DatasetRequest("fashion-mnist"));
        Assert.InRange(model.Evaluate(split.Test), reported - 0.1, reported + 0.1);

        // Raw pixels (bytes, as in the IDX file) through the model's own normalization give the same accuracy.
        var images = IdxReader.Read("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");
        var labels = IdxReader.Read("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz");
        var samples = Enumerable.Range(0, images.Count).Select(i => images.Values.AsSpan(i * images.ItemSize, images.ItemSize).ToArray().Select(b => (float)b).ToArray()).ToList();
        var predicted = model.Predict(samples);
        var accuracy = 100.0 * predicted.Where((p, i) => p == labels.Values[i]).Count() / predicted.Length;
        Assert.InRange(accuracy, reported - 0.1, reported + 0.1);
    }
}
