using System.Text;
using System.Text.RegularExpressions;

namespace NasOrleans.Deploy.Tests.Support;

/// <summary>A Dockerfile read into instructions and stages (enough of the format for deploy/images: comments, continuation lines, ARG defaults).</summary>
public sealed partial class Dockerfile
{
    private Dockerfile(string name, IReadOnlyList<DockerInstruction> instructions)
    {
        Name = name;
        Instructions = instructions;
    }

    /// <summary>The file's name (e.g. trainer-cpu.Dockerfile).</summary>
    public string Name { get; }

    /// <summary>Every instruction in order.</summary>
    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>How many stages (FROM instructions) there are.</summary>
    public int StageCount => Instructions.Count(i => i.Keyword == "FROM");

    /// <summary>The ARGs declared before the first FROM, with their defaults (null when none).</summary>
    public IReadOnlyDictionary<string, string?> GlobalArgs =>
        Instructions.Where(i => i.Stage == 0 && i.Keyword == "ARG")
            .Select(i => i.Arguments.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : null, StringComparer.Ordinal);

    /// <summary>The instructions of stage <paramref name="stage"/> (1-based; <see cref="StageCount"/> is the final stage), its FROM first.</summary>
    public IReadOnlyList<DockerInstruction> Stage(int stage) => [.. Instructions.Where(i => i.Stage == stage)];

    /// <summary>The instructions of the stage named <paramref name="name"/> (FROM ... AS name), or empty.</summary>
    public IReadOnlyList<DockerInstruction> StageNamed(string name)
    {
        var from = Instructions.FirstOrDefault(i => i.Keyword == "FROM" && FromAlias().Match(i.Arguments) is { Success: true } m && m.Groups[1].Value == name);
        return from is null ? [] : Stage(from.Stage);
    }

    /// <summary>Reads the Dockerfile at <paramref name="path"/>.</summary>
    public static Dockerfile Load(string path) => Parse(Path.GetFileName(path), File.ReadAllText(path));

    /// <summary>Parses Dockerfile <paramref name="text"/>.</summary>
    public static Dockerfile Parse(string name, string text)
    {
        var instructions = new List<DockerInstruction>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var stage = 0;
        var current = new StringBuilder();
        var startLine = 0;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            if (current.Length == 0)
            {
                startLine = n + 1;
            }

            var continues = line.EndsWith('\\');
            current.Append(continues ? line[..^1] : line).Append(' ');
            if (continues)
            {
                continue;
            }

            var joined = current.ToString().Trim();
            current.Clear();
            var space = joined.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (space < 0 ? joined : joined[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : Whitespace().Replace(joined[(space + 1)..], " ").Trim();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerInstruction(keyword, arguments, stage, startLine));
        }

        return new Dockerfile(name, instructions);
    }

    [GeneratedRegex(@"\s+[Aa][Ss]\s+(\S+)\s*$")]
    private static partial Regex FromAlias();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
