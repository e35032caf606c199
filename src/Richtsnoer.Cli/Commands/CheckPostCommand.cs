using System.CommandLine;
using System.Text;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Cli.Commands;

/// <summary>
/// <c>check-post --answers FILE [--json] [--lang nl|en]</c>: the private post check. Reads the
/// draft from standard input, never stores or logs it. Exit code 0 whatever the verdict; 1 for
/// invalid input (answers file, text that is not UTF-8, text that is too long).
/// <c>--jsonl</c> checks many drafts with one checker: each input line is a JSON string or an
/// object <c>{"text": "..."}</c>, each output line the JSON answer of that draft (or
/// <c>{"error": "..."}</c> for a line that is not valid JSON or too long), in the same order.
/// </summary>
public static class CheckPostCommand
{
    public static Command Create()
    {
        var answers = Cli.AnswersOption();
        var json = new Option<bool>("--json") { Description = "Uitvoer als JSON / output as JSON" };
        var jsonl = new Option<bool>("--jsonl")
        {
            Description = "Eén bericht per regel (JSON-tekst of {\"text\": ...}), één JSON-antwoord per regel / one draft per line (a JSON string or {\"text\": ...}), one JSON answer per line",
        };
        var lang = Cli.LanguageOption("Taal van de uitleg / language of the explanations: nl of en (standaard: nl)");
        var command = new Command(
            "check-post",
            "Controleer een bericht voordat je het plaatst; de tekst komt via standaardinvoer en wordt nergens bewaard / check a post before you publish it; the text comes on standard input and is never stored")
        {
            answers, json, jsonl, lang,
        };

        command.SetAction(parse =>
        {
            var library = ContentLibrary.Default;
            var language = Cli.Lang(parse.GetValue(lang));
            var set = Cli.ReadAnswers(parse.GetValue(answers)!, library, language, Console.Error);
            if (set is null)
            {
                return Cli.InvalidInput;
            }

            if (parse.GetValue(jsonl))
            {
                var many = PostChecker.Create(CheckLexicon.Default, AnswerDefaults.Apply(set, library), Protocol(library, set, language), language);
                using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false, throwOnInvalidBytes: true));
                using var output = Console.OpenStandardOutput();
                try
                {
                    Lines(many, input, output, language);
                }
                catch (DecoderFallbackException)
                {
                    Console.Error.WriteLine(language == Language.Nl ? "De invoer is geen geldige UTF-8-tekst." : "The input is not valid UTF-8 text.");
                    return Cli.InvalidInput;
                }

                return Cli.Ok;
            }

            if (!Console.IsInputRedirected)
            {
                Console.Error.WriteLine(language == Language.Nl
                    ? "Typ of plak je bericht en sluit af met Ctrl+D (Windows: Ctrl+Z, Enter)."
                    : "Type or paste your post and finish with Ctrl+D (Windows: Ctrl+Z, Enter).");
            }

            var draft = ReadDraft(Console.OpenStandardInput(), language, Console.Error);
            if (draft is null)
            {
                return Cli.InvalidInput;
            }

            var checker = PostChecker.Create(CheckLexicon.Default, AnswerDefaults.Apply(set, library), Protocol(library, set, language), language);
            PostCheckResult result;
            try
            {
                result = checker.Check(draft);
            }
            catch (PostCheckInputException e)
            {
                Console.Error.WriteLine(e.Text[language]);
                return Cli.InvalidInput;
            }

            if (parse.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                PostCheckJson.Write(result, stdout);
                stdout.Write("\n"u8);
            }
            else
            {
                Console.Out.Write(Text(result, draft, language));
            }

            return Cli.Ok;
        });

        return command;
    }

    /// <summary>One answer line per input line; empty lines are skipped, a bad line gets an error line.</summary>
    public static void Lines(PostChecker checker, TextReader input, Stream output, Language language)
    {
        using var writer = new System.Text.Json.Utf8JsonWriter(output, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var draft = DraftOf(line);
            if (draft is null)
            {
                Error(writer, language == Language.Nl
                    ? "Deze regel is geen JSON-tekst of object met \"text\"."
                    : "This line is not a JSON string or an object with \"text\".");
            }
            else
            {
                try
                {
                    PostCheckJson.Write(checker.Check(draft), writer);
                }
                catch (PostCheckInputException e)
                {
                    Error(writer, e.Text[language]);
                }
            }

            writer.Reset();
            output.Write("\n"u8);
        }

        output.Flush();
    }

    private static void Error(System.Text.Json.Utf8JsonWriter writer, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("error", message);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static string? DraftOf(string line)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            var root = doc.RootElement;
            return root.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => root.GetString(),
                System.Text.Json.JsonValueKind.Object when root.TryGetProperty("text", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String => t.GetString(),
                _ => null,
            };
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static ProtocolDocument? Protocol(ContentLibrary library, AnswerSet answers, Language language)
    {
        try
        {
            return ProtocolAssembler.Assemble(library, answers, new AssemblyOptions(language, RequireFullCoverage: false));
        }
        catch (AssemblyException)
        {
            // Without a protocol the findings simply name no clause.
            return null;
        }
    }

    /// <summary>Reads standard input as strict UTF-8; null (with a message) when it is not text or too long.</summary>
    public static string? ReadDraft(Stream input, Language language, TextWriter error)
    {
        var limit = (PostChecker.MaxLength * 3L) + 3;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                error.WriteLine(language == Language.Nl
                    ? $"De tekst is te lang om te controleren (meer dan {PostChecker.MaxLength:N0} tekens)."
                    : $"The text is too long to check (more than {PostChecker.MaxLength:N0} characters).");
                return null;
            }
        }

        try
        {
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            error.WriteLine(language == Language.Nl
                ? "De invoer is geen geldige UTF-8-tekst."
                : "The input is not valid UTF-8 text.");
            return null;
        }
    }

    /// <summary>The result for a person: the verdict, each finding with its place, the clause and whom to ask.</summary>
    public static string Text(PostCheckResult result, string draft, Language language)
    {
        var nl = language == Language.Nl;
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine(result.Verdict switch
        {
            Verdict.Green => nl ? "GROEN: geen bijzonderheden gevonden." : "GREEN: nothing found that needs attention.",
            Verdict.Orange => nl ? "ORANJE: denk er nog even over na en lees de genoemde bepaling." : "ORANGE: think twice and read the clause named.",
            _ => nl ? "ROOD: plaats dit zo niet. Vraag het eerst." : "RED: do not publish this as it is. Ask first.",
        });

        var n = 0;
        foreach (var f in result.Findings)
        {
            var snippet = draft.Substring(f.Start, f.Length).ReplaceLineEndings(" ");
            if (snippet.Length > 60)
            {
                snippet = snippet[..57] + "...";
            }

            w.WriteLine();
            w.WriteLine($"{++n}. [{f.Category.Id()}] \"{snippet}\" ({(nl ? "teken" : "character")} {f.Start + 1}-{f.Start + f.Length})");
            w.WriteLine($"   {f.Message}");
            if (f.Clause is not null)
            {
                var clause = f.Clause.ToString();
                w.WriteLine($"   {(nl ? "Zie" : "See")} {clause}{(char.IsPunctuation(clause[^1]) ? "" : ".")}");
            }
        }

        if (result.Findings.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(result.Findings[0].Ask);
        }

        return w.ToString();
    }
}
