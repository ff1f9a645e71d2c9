using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;
using ScalarEvent = YamlDotNet.Core.Events.Scalar;

namespace NasOrleans.Core.Specs;

/// <summary>Reads YAML text into a <see cref="SpecNode"/> tree (YAML 1.2 core schema for plain scalars).</summary>
internal static partial class YamlSpecTree
{
    /// <summary>
    /// The tree of <paramref name="text"/>, or null after adding the problem to <paramref name="errors"/>. Reads YamlDotNet's
    /// event stream with an explicit stack (no recursion), so nesting is limited to <see cref="SpecLimits.MaxDepth"/> and an
    /// alias shares its anchor's node while its expanded size counts against <see cref="SpecLimits.MaxBytes"/>.
    /// </summary>
    public static SpecNode? Read(string text, List<SpecError> errors)
    {
        try
        {
            return YamlEventReader.Read(new Parser(new StringReader(text)), errors);
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

    /// <summary>What a scalar is under the YAML 1.2 core schema: quoted or <c>!!str</c> ones are text.</summary>
    internal static SpecScalarKind Classify(ScalarEvent scalar)
    {
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.IsGlobal && scalar.Tag.Value == "tag:yaml.org,2002:str"))
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
