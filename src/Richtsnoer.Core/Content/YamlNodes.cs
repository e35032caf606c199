using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Core.Content;

/// <summary>Small helpers over YamlDotNet's node model that keep line numbers for error messages.</summary>
internal static class YamlNodes
{
    /// <summary>Parses YAML text; a syntax error becomes a <see cref="YamlSyntaxError"/> with its line.</summary>
    public static YamlNode? Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new YamlSyntaxError(e.Start.Line, CleanMessage(e));
        }
        catch (InvalidOperationException)
        {
            // Some malformed documents (an unclosed [ or {) end the parser without a position.
            throw new YamlSyntaxError(LastGoodLine(text), "a list [ or map { is not closed, or the indentation is off");
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static long LastGoodLine(string text)
    {
        var parser = new Parser(new StringReader(text));
        long line = 1;
        try
        {
            while (parser.MoveNext())
            {
                line = parser.Current?.Start.Line ?? line;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
        }

        return line;
    }

    private static string CleanMessage(YamlException e)
    {
        var inner = e.InnerException?.Message ?? e.Message;
        var idx = inner.IndexOf("): ", StringComparison.Ordinal);
        return idx >= 0 && inner.StartsWith('(') ? inner[(idx + 3)..] : inner;
    }

    public static long Line(this YamlNode node) => node.Start.Line;

    public static YamlNode? Child(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public static string? Str(this YamlMappingNode map, string key) =>
        map.Child(key) is YamlScalarNode s && !IsNull(s) ? s.Value : null;

    public static bool IsNull(this YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && (s.Value is null || s.Value is "" or "~" or "null" or "Null" or "NULL");

    public static IEnumerable<(string Key, YamlNode Value, long Line)> Entries(this YamlMappingNode map) =>
        map.Children.Select(kv => (((YamlScalarNode)kv.Key).Value ?? string.Empty, kv.Value, kv.Key.Start.Line));

    /// <summary>Turns a node into the raw value an answer or default is built from.</summary>
    public static RawValue? ToRaw(this YamlNode node) => node switch
    {
        YamlScalarNode s when s.IsNull() => null,
        YamlScalarNode s => new RawValue.Scalar(s.Value ?? string.Empty),
        YamlSequenceNode seq => new RawValue.Sequence(
            seq.Children.Select(c => c switch
            {
                YamlScalarNode s => s.Value ?? string.Empty,
                YamlMappingNode m => m.Str("nl") ?? string.Empty,
                _ => c.ToString(),
            }).ToList(),
            seq.Children.Any(c => c is YamlMappingNode) ? seq.Children.Select(c => c is YamlMappingNode m ? m.Str("en") : null).ToList() : null),
        YamlMappingNode map => new RawValue.Map(map.Entries().ToDictionary(e => e.Key, e => e.Value is YamlScalarNode s ? s.Value ?? string.Empty : e.Value.ToString())),
        _ => null,
    };
}

internal sealed class YamlSyntaxError(long line, string message) : Exception(message)
{
    public long Line { get; } = line;
}
