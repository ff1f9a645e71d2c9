using System.Buffers.Binary;
using System.Text.Json;

namespace NasOrleans.System.Tests;

/// <summary><c>nas report</c> of two tiny mpnas studies (with and without ABDP) run end to end by <c>nas run</c> on the embedded store.</summary>
public sealed class SupernetReportCommandTests : IDisposable
{
    private const int Samples = 256;
    private const int Side = 28;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nas-supernet-report-" + Guid.NewGuid().ToString("N"));

    public SupernetReportCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Report_MpnasStudyComparedWithoutAbdp_PrintsBothStudiesWritesThePlotsAndExportsTheFinalModel()
    {
        var dataset = WriteDataset();
        var data = Path.Combine(_directory, "data");
        foreach (var abdp in new[] { true, false })
        {
            var spec = Path.Combine(_directory, $"mp-{abdp}.yaml".ToLowerInvariant());
            await File.WriteAllTextAsync(spec, Spec(abdp ? "with-abdp" : "without-abdp", abdp, dataset));
            var (ran, log) = await NasProcess.RunAsync(TimeSpan.FromMinutes(2), "run", spec, "--data-dir", data);
            Assert.True(ran == 0, log);
        }

        var plots = Path.Combine(_directory, "plots");
        var (code, stdout, stderr) = await NasProcess.RunApartAsync(TimeSpan.FromMinutes(1), "report", "with-abdp", "--compare", "without-abdp", "--out", plots, "--json", "--data-dir", data);

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("ABDP w=2", root.GetProperty("loss_combination").GetString());
        Assert.Equal("plain sum", root.GetProperty("compare").GetProperty("loss_combination").GetString());
        Assert.Equal(["plain", "inverted"], root.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(2, root.GetProperty("jaccard").GetArrayLength());
        Assert.Equal(1, root.GetProperty("jaccard")[0][0].GetDouble());
        Assert.Equal(["s1b0", "s2b0"], root.GetProperty("sharing").EnumerateArray().Select(s => s.GetProperty("layer").GetString()));
        Assert.Equal(
            ["with-abdp/plain", "with-abdp/inverted", "without-abdp/plain", "without-abdp/inverted"],
            root.GetProperty("last").EnumerateArray().Select(l => $"{l.GetProperty("study").GetString()}/{l.GetProperty("domain").GetString()}"));
        Assert.All(root.GetProperty("last").EnumerateArray(), l => Assert.Equal(8, l.GetProperty("step").GetDouble()));
        var files = root.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Equal(["jaccard.png", "sharing-by-layer.png", "loss-curves.png", "entropy.png", "validation-accuracy.png", "final-loss-curves.png"], files.Select(Path.GetFileName));
        files.ForEach(f => PlotImage.AssertPlot(f));

        var (textCode, text) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "report", "with-abdp", "--compare", "without-abdp", "--out", plots, "--data-dir", data);
        Assert.True(textCode == 0, text);
        Assert.Contains("| domain | train loss: with-abdp (ABDP w=2) | validation accuracy: with-abdp (ABDP w=2) | train loss: without-abdp (plain sum) |", text, StringComparison.Ordinal);
        Assert.Contains("| plain | 1.000 |", text, StringComparison.Ordinal);

        // The final multi-path model: one file, a head per domain.
        var package = Path.Combine(_directory, "final.zip");
        var (exported, exportLog) = await NasProcess.RunAsync(TimeSpan.FromMinutes(1), "export", "with-abdp", "--out", package, "--data-dir", data);
        Assert.True(exported == 0, exportLog);
        Assert.Contains("2 domains (plain, inverted)", exportLog, StringComparison.Ordinal);
        using var model = NasOrleans.Training.Export.ExportedModel.Load(package, "cpu");
        Assert.Equal(["plain", "inverted"], model.Domains);
        var raw = new List<float[]> { new float[Side * Side], Enumerable.Repeat(255f, Side * Side).ToArray() };
        Assert.All(model.Predict(raw, "inverted"), c => Assert.InRange(c, 0, 1));
        Assert.Contains("test_accuracy", model.Description.Domains![1].Metrics.Keys);
    }

    private static string Spec(string name, bool abdp, string dataset) => $$"""
        name: {{name}}
        objective: { metric: validation_accuracy }
        space:
          kind: mobile-cnn
          parameters: { stages: 2, max_depth: 1, blocks: fused_ibn, kernels: "3", expansions: "1,2", widths: "8,16" }
        algorithm: { name: mpnas, seed: 4, parameters: { steps: 8, checkpoint_every: 4, sample_batch: 4, cost_target: 20000, final_steps: 8, abdp: {{(abdp ? "true" : "false")}} } }
        trainer: { kind: torch, parameters: { dataset: "{{dataset}}", batch_size: 16, validation_size: 64, threads: 1 } }
        budget: { max_trials: 1 }
        domains:
          - { name: plain, dataset: "{{dataset}}" }
          - { name: inverted, dataset: "inverted:{{dataset}}" }
        """;

    /// <summary>Writes a two-class 28x28 IDX dataset (the bright half tells the class); returns its <c>idx:</c> name.</summary>
    private string WriteDataset()
    {
        var random = new Random(1);
        var images = new byte[16 + (Samples * Side * Side)];
        var labels = new byte[8 + Samples];
        BinaryPrimitives.WriteInt32BigEndian(images, 0x0803);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), Samples);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), Side);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), Side);
        BinaryPrimitives.WriteInt32BigEndian(labels, 0x0801);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), Samples);
        for (var i = 0; i < Samples; i++)
        {
            labels[8 + i] = (byte)(i % 2);
            for (var p = 0; p < Side * Side; p++)
            {
                var bright = (p % Side < Side / 2) == (i % 2 == 0);
                images[16 + (i * Side * Side) + p] = (byte)(random.Next(60) + (bright ? 180 : 0));
            }
        }

        var imagePath = Path.Combine(_directory, "images.idx");
        var labelPath = Path.Combine(_directory, "labels.idx");
        File.WriteAllBytes(imagePath, images);
        File.WriteAllBytes(labelPath, labels);
        return $"idx:{imagePath},{labelPath}";
    }
}
