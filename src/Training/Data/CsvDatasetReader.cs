using System.Globalization;
using System.IO.Compression;

namespace NasOrleans.Training.Data;

/// <summary>
/// Reads a numeric CSV file, plain or gzipped (decided from the content): comma-separated numbers, the label
/// (a class index 0, 1, …) in the last column. A first line that is not all numbers is a header and skipped;
/// a header in scikit-learn's format (<c>n_samples,n_features,class names…</c>) gives the class names. Empty lines are ignored.
/// </summary>
public static class CsvDatasetReader
{
    /// <summary>Reads the file at <paramref name="path"/>; throws <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> naming the file and line.</summary>
    public static CsvData Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The CSV file '{path}' does not exist.", path);
        }

        using var file = File.OpenRead(path);
        using var reader = new StreamReader(IdxReader.IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : file);
        return Read(reader, path);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static CsvData Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var features = new List<float>();
        var labels = new List<long>();
        IReadOnlyList<string>? classNames = null;
        var width = -1;
        var lineNumber = 0;
        var first = true;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',', StringSplitOptions.TrimEntries);
            var numbers = new double[cells.Length];
            var numeric = true;
            for (var i = 0; i < cells.Length && numeric; i++)
            {
                numeric = double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) && double.IsFinite(numbers[i]);
            }

            if (first)
            {
                first = false;
                if (!numeric)
                {
                    classNames = SklearnClassNames(cells);
                    continue;
                }
            }

            if (!numeric)
            {
                throw new InvalidDataException($"'{source}' line {lineNumber}: '{line}' holds a value that is not a finite number.");
            }

            if (cells.Length < 2)
            {
                throw new InvalidDataException($"'{source}' line {lineNumber}: a row needs at least one feature and the label (the last column).");
            }

            if (width < 0)
            {
                width = cells.Length;
            }
            else if (cells.Length != width)
            {
                throw new InvalidDataException($"'{source}' line {lineNumber}: {cells.Length} columns where the first row has {width}.");
            }

            var label = numbers[^1];
            if (label < 0 || label != Math.Floor(label) || label > int.MaxValue)
            {
                throw new InvalidDataException($"'{source}' line {lineNumber}: the label (last column) is '{cells[^1]}'; labels must be class indices 0, 1, 2, …");
            }

            labels.Add((long)label);
            for (var i = 0; i < width - 1; i++)
            {
                features.Add((float)numbers[i]);
            }
        }

        if (labels.Count == 0)
        {
            throw new InvalidDataException($"'{source}' holds no data rows.");
        }

        return new CsvData([.. features], [.. labels], width - 1, classNames);
    }

    private static List<string>? SklearnClassNames(string[] header) =>
        header.Length > 2
        && int.TryParse(header[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
        && int.TryParse(header[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? [.. header.Skip(2)]
            : null;
}
