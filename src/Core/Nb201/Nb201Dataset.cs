namespace NasOrleans.Core.Nb201;

/// <summary>
/// One of the benchmark's three datasets: the table columns that hold its 12-epoch validation accuracy
/// (the search signal) and its 200-epoch test accuracy (what a search is judged on), and the input and
/// head of the network trained on it (for <see cref="Nb201CostModel"/>).
/// </summary>
/// <param name="Name">The name in specs: <c>cifar10</c>, <c>cifar100</c> or <c>imagenet16-120</c>.</param>
/// <param name="ValidationColumn">The 12-epoch validation accuracy column (percent).</param>
/// <param name="TestColumn">The 200-epoch test accuracy column (percent).</param>
/// <param name="ImageSize">The input's height and width in pixels.</param>
/// <param name="Classes">The number of classes (the classifier's outputs).</param>
public sealed record Nb201Dataset(string Name, string ValidationColumn, string TestColumn, int ImageSize, int Classes)
{
    /// <summary>CIFAR-10; the validation column is the cifar10-valid split's, as the NAS-Bench-201 protocol searches on.</summary>
    public static Nb201Dataset Cifar10 { get; } = new("cifar10", "c10valid_valid_12ep", "c10_test_200ep", 32, 10);

    /// <summary>CIFAR-100.</summary>
    public static Nb201Dataset Cifar100 { get; } = new("cifar100", "c100_valid_12ep", "c100_test_200ep", 32, 100);

    /// <summary>ImageNet16-120 (120 classes of ImageNet at 16x16 pixels).</summary>
    public static Nb201Dataset ImageNet16 { get; } = new("imagenet16-120", "in16_valid_12ep", "in16_test_200ep", 16, 120);

    /// <summary>The three datasets, in the benchmark's order.</summary>
    public static IReadOnlyList<Nb201Dataset> All { get; } = [Cifar10, Cifar100, ImageNet16];

    /// <summary>The input channels (RGB).</summary>
    public int InputChannels => 3;

    /// <summary>The dataset named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static Nb201Dataset? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The dataset named <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the known names.</summary>
    public static Nb201Dataset Get(string name) =>
        Find(name) ?? throw new ArgumentException($"Unknown NAS-Bench-201 dataset '{name}'; known: {string.Join(", ", All.Select(d => d.Name))}.", nameof(name));
}
