using System.Text;

namespace NasOrleans.Client.Output;

/// <summary>A GitHub-flavoured Markdown table: a header row, then rows of cells ('|' in a cell escaped).</summary>
internal sealed class MarkdownTable
{
    private readonly IReadOnlyList<string> _header;
    private readonly List<IReadOnlyList<string>> _rows = [];

    /// <summary>A table with the column names <paramref name="header"/>.</summary>
    public MarkdownTable(params IReadOnlyList<string> header)
    {
        _header = header;
    }

    /// <summary>Adds a row; missing cells are empty, extra ones are refused.</summary>
    public MarkdownTable Add(params IReadOnlyList<string> cells)
    {
        if (cells.Count > _header.Count)
        {
            throw new ArgumentException($"A row of {cells.Count} cells does not fit {_header.Count} columns.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>The table's text, one line per row, ending with a newline.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Line(text, _header);
        Line(text, [.. _header.Select(_ => "---")]);
        _rows.ForEach(r => Line(text, [.. Enumerable.Range(0, _header.Count).Select(i => i < r.Count ? r[i] : "")]));
        return text.ToString();
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
}
