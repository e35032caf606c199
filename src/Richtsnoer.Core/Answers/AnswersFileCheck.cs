using System.Text;
using Richtsnoer.Core.Content;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Core.Answers;

/// <summary>
/// Checks an answers file as it arrives, as bytes: from disk (<c>richtsnoer answers validate</c>)
/// or as an upload in the web app, with the same errors for both. Before the YAML is read, the
/// bytes must be text in UTF-8 of at most <see cref="AnswersFile.MaxBytes"/>; the YAML may not nest
/// deeper than <see cref="MaxDepth"/> and may not use anchors and aliases (a few lines of them can
/// stand for billions of values). Then <see cref="AnswersFile.Parse"/> checks every answer, and
/// every text a document language needs must be there.
/// </summary>
public static class AnswersFileCheck
{
    /// <summary>An answers file is a map of answers with lists and contacts inside: a few levels at most.</summary>
    public const int MaxDepth = 20;

    /// <summary>Reads a file from disk and checks it as <see cref="Check"/> does.</summary>
    public static AnswersReadResult ReadFile(string path, ContentLibrary library)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(path, "file", "not-found", new("het bestand bestaat niet", "the file does not exist"));
            }

            if (info.Length > AnswersFile.MaxBytes)
            {
                return TooLarge(path);
            }

            return Check(File.ReadAllBytes(path), path, library);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(path, "file", "unreadable", new($"het bestand is niet te lezen ({e.Message})", $"the file cannot be read ({e.Message})"));
        }
    }

    /// <summary>
    /// Checks the bytes of an answers file. The result holds the answers only when there is no
    /// error at all; each error names the file, the line (when there is one) and the field.
    /// </summary>
    public static AnswersReadResult Check(ReadOnlySpan<byte> bytes, string fileName, ContentLibrary library)
    {
        if (Decode(bytes, fileName) is var (text, error) && error is not null)
        {
            return new(null, [error]);
        }

        if (Shape(text!, fileName) is { } shape)
        {
            return new(null, [shape]);
        }

        var result = AnswersFile.Parse(text!, fileName, library);
        if (!result.Ok)
        {
            return result;
        }

        var untranslated = AnswersValidator.Languages(AnswerDefaults.Apply(result.Answers!, library), library)
            .Select(e => e with { File = fileName })
            .ToList();
        return untranslated.Count == 0 ? result : new(null, untranslated);
    }

    /// <summary>The bytes as text: UTF-8, with or without byte order mark; anything else is refused with what it looks like.</summary>
    public static (string? Text, AnswerError? Error) Decode(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.Length > AnswersFile.MaxBytes)
        {
            return (null, TooLarge(fileName).Errors[0]);
        }

        if (bytes.IsEmpty)
        {
            return (null, Error(fileName, "file", "empty", new("het bestand is leeg", "the file is empty")));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (null, Error(fileName, "file", "encoding", new(
                "het bestand is in UTF-16 opgeslagen; sla het op als UTF-8",
                "the file is saved as UTF-16; save it as UTF-8")));
        }

        if (bytes.IndexOf((byte)0) is var nul and >= 0)
        {
            return (null, Error(fileName, "file", "binary", new(
                "dit is geen tekstbestand (het bevat binaire gegevens); kies het YAML-bestand met de antwoorden",
                "this is not a text file (it contains binary data); choose the YAML file with the answers"), LineAt(bytes, nul)));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (FirstInvalid(bytes) is var invalid and >= 0)
        {
            return (null, Error(fileName, "file", "encoding", new(
                "het bestand is geen UTF-8 (misschien Windows-1252 of Latin-1); sla het op als UTF-8",
                "the file is not UTF-8 (perhaps Windows-1252 or Latin-1); save it as UTF-8"), LineAt(bytes, invalid)));
        }

        return (Encoding.UTF8.GetString(bytes), null);
    }

    /// <summary>Refuses, before the YAML is built, nesting that is too deep and anchors or aliases.</summary>
    private static AnswerError? Shape(string text, string fileName)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        return Error(fileName, "yaml", "alias", new(
                            $"verwijzingen (*{alias.Value}) kunnen in een antwoordenbestand niet; schrijf de waarde zelf uit",
                            $"references (*{alias.Value}) are not allowed in an answers file; write the value out"), alias.Start.Line);
                    case NodeEvent { Anchor.IsEmpty: false } anchored:
                        return Error(fileName, "yaml", "alias", new(
                            $"ankers (&{anchored.Anchor.Value}) kunnen in een antwoordenbestand niet; schrijf de waarde zelf uit",
                            $"anchors (&{anchored.Anchor.Value}) are not allowed in an answers file; write the value out"), anchored.Start.Line);
                    case SequenceStart or MappingStart:
                        if (++depth > MaxDepth)
                        {
                            return Error(fileName, "yaml", "too-deep", new(
                                $"lijsten en onderdelen zijn hier meer dan {MaxDepth} niveaus diep genest",
                                $"lists and parts are nested more than {MaxDepth} levels deep here"), parser.Current.Start.Line);
                        }

                        break;
                    case SequenceEnd or MappingEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // A syntax error: AnswersFile.Parse reports it with its line.
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return null;
        }

        return stream.Documents.Count == 0 ? null : ComplexKey(stream.Documents[0].RootNode, fileName);
    }

    /// <summary>A key that is itself a list or map ("? [a, b]: c"): valid YAML, never a question id.</summary>
    private static AnswerError? ComplexKey(YamlNode node, string fileName)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode)
                    {
                        return Error(fileName, "yaml", "complex-key", new(
                            "een vraag moet een naam zijn, geen lijst of onderdeel",
                            "a question must be a name, not a list or part"), key.Start.Line);
                    }

                    if (ComplexKey(value, fileName) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case YamlSequenceNode seq:
                return seq.Children.Select(c => ComplexKey(c, fileName)).FirstOrDefault(e => e is not null);
            default:
                return null;
        }
    }

    /// <summary>The index of the first byte that is not valid UTF-8, or -1.</summary>
    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }

    private static long LineAt(ReadOnlySpan<byte> bytes, int index) =>
        bytes[..Math.Clamp(index, 0, bytes.Length)].Count((byte)'\n') + 1;

    private static AnswersReadResult TooLarge(string fileName) =>
        Fail(fileName, "file", "too-large", new($"het bestand is groter dan {AnswersFile.MaxBytes / 1000} kB", $"the file is larger than {AnswersFile.MaxBytes / 1000} kB"));

    private static AnswerError Error(string file, string field, string code, LocalText message, long line = 0) =>
        new(field, code, message, file, line);

    private static AnswersReadResult Fail(string file, string field, string code, LocalText message, long line = 0) =>
        new(null, [Error(file, field, code, message, line)]);
}
