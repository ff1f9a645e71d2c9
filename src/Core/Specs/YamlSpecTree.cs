using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;
using YamlDotNet.RepresentationModel;

namespace NasOrleans.Core.Specs;

/// <summary>Reads YAML text into a <see cref="SpecNode"/> tree (YAML 1.2 core schema for plain scalars).</summary>
internal static partial class YamlSpecTree
{
    /// <summary>The tree of <paramref name="text"/>, or null after adding the syntax error to <paramref name="errors"/>.</summary>
    public static SpecNode? Read(string text, List<SpecError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var detail = e.InnerException is YamlException inner ? inner.Message : e.Message;
            errors.Add(new SpecError("yaml", $"syntax error at line {e.Start.Line}, column {e.Start.Column}: {detail.TrimEnd('.')}; fix the YAML there"));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner fails this way on some broken flow collections; find where by scanning again.
            errors.Add(new SpecError("yaml", Locate(text)));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            errors.Add(new SpecError("spec", "the spec is empty; give at least name, objective, space, algorithm, trainer and budget"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(new SpecError("yaml", $"the text holds {stream.Documents.Count} YAML documents; a spec is one document, so remove the '---' separators"));
            return null;
        }

        return Convert(stream.Documents[0].RootNode);
    }

    private static string Locate(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        var open = new Stack<(char Bracket, Mark Start)>();
        try
        {
            while (scanner.MoveNext())
            {
                switch (scanner.Current)
                {
                    case FlowSequenceStart t:
                        open.Push(('[', t.Start));
                        break;
                    case FlowMappingStart t:
                        open.Push(('{', t.Start));
                        break;
                    case FlowSequenceEnd or FlowMappingEnd when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or YamlException)
        {
            // The position below is where the scanner stopped.
        }

        var at = scanner.CurrentPosition;
        var hint = open.Count > 0
            ? $"the '{open.Peek().Bracket}' opened at line {open.Peek().Start.Line}, column {open.Peek().Start.Column} is not closed"
            : "the YAML cannot be read here (an unclosed bracket or quote?)";
        return $"syntax error at line {at.Line}, column {at.Column}: {hint}; fix the YAML there";
    }

    private static SpecNode Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new SpecMapNode(
            [.. map.Children.Select(c => new SpecMapEntry(KeyText(c.Key), Convert(c.Value), (int)c.Key.Start.Line))],
            (int)node.Start.Line),
        YamlSequenceNode list => new SpecListNode([.. list.Children.Select(Convert)], (int)node.Start.Line),
        YamlScalarNode scalar => new SpecScalarNode(scalar.Value ?? string.Empty, Classify(scalar), (int)node.Start.Line),
        _ => new SpecScalarNode(node.ToString(), SpecScalarKind.Text, (int)node.Start.Line),
    };

    private static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString();

    private static SpecScalarKind Classify(YamlScalarNode scalar)
    {
        if (scalar.Style != ScalarStyle.Plain || (scalar.Tag.IsGlobal && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return SpecScalarKind.Text;
        }

        var text = scalar.Value ?? string.Empty;
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => SpecScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => SpecScalarKind.Boolean,
            _ when NumberPattern().IsMatch(text) => SpecScalarKind.Number,
            _ => SpecScalarKind.Text,
        };
    }

    [GeneratedRegex(@"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
