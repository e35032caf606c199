using System.Globalization;
using System.Text;
using Richtsnoer.Core.Content;
using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Core.Answers;

public sealed record AnswersReadResult(AnswerSet? Answers, IReadOnlyList<AnswerError> Errors)
{
    public bool Ok => Answers is not null && Errors.Count == 0;
}

/// <summary>
/// Reads and writes the YAML answers file (documented in the README). Every error names the
/// file, the line and the field.
/// </summary>
public static class AnswersFile
{
    public const long MaxBytes = 1_000_000;

    private static readonly string[] CustomisationKeys = ["alternatives", "adapted_clauses", "custom_clauses"];

    public static AnswersReadResult Read(string path, ContentLibrary library)
    {
        var name = path;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(name, "file", "not-found", new("het bestand bestaat niet", "the file does not exist"));
            }

            if (info.Length > MaxBytes)
            {
                return Fail(name, "file", "too-large", new($"het bestand is groter dan {MaxBytes / 1000} kB", $"the file is larger than {MaxBytes / 1000} kB"));
            }

            return Parse(File.ReadAllText(path), name, library);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(name, "file", "unreadable", new($"het bestand is niet te lezen ({e.Message})", $"the file cannot be read ({e.Message})"));
        }
    }

    private static AnswersReadResult Fail(string file, string field, string code, LocalText message, long line = 0) =>
        new(null, [new AnswerError(field, code, message, file, line)]);

    public static AnswersReadResult Parse(string text, string fileName, ContentLibrary library)
    {
        YamlNode? root;
        try
        {
            root = YamlNodes.Parse(text);
        }
        catch (YamlSyntaxError e)
        {
            return Fail(fileName, "yaml", "syntax", new($"dit is geen geldige YAML: {e.Message}", $"this is not valid YAML: {e.Message}"), e.Line);
        }

        if (root is null || (root is YamlScalarNode s0 && s0.IsNull()))
        {
            return Fail(fileName, "file", "empty", new("het bestand is leeg", "the file is empty"));
        }

        if (root is not YamlMappingNode map)
        {
            return Fail(fileName, "file", "not-a-map", new("verwacht per regel 'vraag: antwoord'", "expected one 'question: answer' per line"), root.Line());
        }

        var errors = new List<AnswerError>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        var values = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var (key, node, line) in map.Entries())
        {
            lines[key] = line;
            if (CustomisationKeys.Contains(key))
            {
                continue;
            }

            if (library.Interview.Find(key) is not { } q)
            {
                var hint = Suggest(key, library.Interview.Questions.Select(x => x.Id).Concat(CustomisationKeys));
                errors.Add(new AnswerError(AnswerConverter.Short(key), "unknown-question",
                    new("onbekende vraag" + (hint is null ? "" : $"; bedoel je '{hint}'?"), "unknown question" + (hint is null ? "" : $"; did you mean '{hint}'?")),
                    fileName, line));
                continue;
            }

            var (value, problem) = AnswerConverter.Convert(q, node.ToRaw());
            if (problem is not null)
            {
                var field = problem.SubField is null ? key : problem.SubField.StartsWith('[') ? key + problem.SubField : $"{key}.{problem.SubField}";
                errors.Add(new AnswerError(field, problem.Code, problem.Message, fileName, LineOf(node, problem.SubField)));
            }
            else if (value is not null)
            {
                values[key] = value;
            }
        }

        var customisations = ReadCustomisations(map, fileName, errors);
        // A variant that stands for an answer is that answer (decision 025).
        var answers = Assembly.Variants.AsAnswers(library, new AnswerSet(values, customisations));
        var effective = AnswerDefaults.Apply(answers, library);
        var refused = errors.Select(e => e.Field.Split('.', '[')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var e in AnswersValidator.Validate(effective, library))
        {
            var top = e.Field.Split('.', '[')[0];
            if (refused.Contains(top))
            {
                continue; // already reported why the answer was refused
            }

            errors.Add(e with { File = fileName, Line = lines.TryGetValue(top, out var l) ? l : 0 });
        }

        return new AnswersReadResult(errors.Count == 0 ? answers : null, errors);
    }

    private static long LineOf(YamlNode node, string? subField)
    {
        if (subField is not null && node is YamlMappingNode m && m.Child(subField) is { } child)
        {
            return child.Line();
        }

        if (subField is ['[', ..] && node is YamlSequenceNode seq
            && int.TryParse(subField.Trim('[', ']'), out var index) && index >= 1 && index <= seq.Children.Count)
        {
            return seq.Children[index - 1].Line();
        }

        return node.Line();
    }

    private static Customisations ReadCustomisations(YamlMappingNode map, string fileName, List<AnswerError> errors)
    {
        void Wrong(string field, YamlNode node, string nl, string en) =>
            errors.Add(new AnswerError(field, "invalid-customisation", new(nl, en), fileName, node.Line()));

        var alternatives = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Child("alternatives") is { } altNode)
        {
            if (altNode is YamlMappingNode alts)
            {
                foreach (var (group, node, _) in alts.Entries())
                {
                    alternatives[group] = (node as YamlScalarNode)?.Value ?? "";
                }
            }
            else
            {
                Wrong("alternatives", altNode, "verwacht 'groep: bepaling'", "expected 'group: clause'");
            }
        }

        ClauseText? Text(YamlNode? node, string field)
        {
            if (node is null)
            {
                return null;
            }

            if (node is not YamlMappingNode m)
            {
                Wrong(field, node, "verwacht title en text", "expected title and text");
                return null;
            }

            return new ClauseText(m.Str("title") ?? "", m.Str("text") ?? "");
        }

        var adapted = new List<AdaptedClause>();
        if (map.Child("adapted_clauses") is { } adNode)
        {
            if (adNode is YamlMappingNode ads)
            {
                foreach (var (id, node, _) in ads.Entries())
                {
                    var m = node as YamlMappingNode;
                    adapted.Add(new AdaptedClause(id, Text(m?.Child("nl"), $"adapted_clauses.{id}.nl"), Text(m?.Child("en"), $"adapted_clauses.{id}.en")));
                }
            }
            else
            {
                Wrong("adapted_clauses", adNode, "verwacht per bepaling nl en en", "expected nl and en per clause");
            }
        }

        var custom = new List<CustomClause>();
        if (map.Child("custom_clauses") is { } cuNode)
        {
            if (cuNode is YamlSequenceNode cus)
            {
                foreach (var (node, i) in cus.Children.Select((n, i) => (n, i)))
                {
                    var field = $"custom_clauses[{i + 1}]";
                    if (node is not YamlMappingNode m)
                    {
                        Wrong(field, node, "verwacht id, section, topics, nl en en", "expected id, section, topics, nl and en");
                        continue;
                    }

                    var topics = (m.Child("topics") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(t => t.Value ?? "").ToList() ?? [];
                    custom.Add(new CustomClause(m.Str("id") ?? $"own-{i + 1}", m.Str("section") ?? "", topics, Text(m.Child("nl"), field + ".nl"), Text(m.Child("en"), field + ".en")));
                }
            }
            else
            {
                Wrong("custom_clauses", cuNode, "verwacht een lijst van bepalingen", "expected a list of clauses");
            }
        }

        return new Customisations(alternatives, adapted, custom);
    }

    private static string? Suggest(string key, IEnumerable<string> known) =>
        known.Select(k => (k, d: Distance(key.ToLowerInvariant(), k))).Where(x => x.d <= Math.Max(2, x.k.Length / 4)).OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        if (a.Length > 100)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Writes answers back as a YAML answers file that <see cref="Parse"/> reads again unchanged.</summary>
    public static string Write(AnswerSet answers, ContentLibrary library)
    {
        var sb = new StringBuilder();
        sb.Append("# Richtsnoer answers file\n");
        foreach (var q in library.Interview.Questions)
        {
            if (answers.Values.TryGetValue(q.Id, out var v) && (!v.IsEmpty || v is ListAnswer))
            {
                sb.Append(q.Id).Append(':').Append(Yaml(v)).Append('\n');
            }
        }

        var c = answers.Customisations;
        if (c.Alternatives.Count > 0)
        {
            sb.Append("alternatives:\n");
            foreach (var (g, id) in c.Alternatives)
            {
                sb.Append("  ").Append(Quote(g)).Append(": ").Append(Quote(id)).Append('\n');
            }
        }

        if (c.Adapted.Count > 0)
        {
            sb.Append("adapted_clauses:\n");
            foreach (var a in c.Adapted)
            {
                sb.Append("  ").Append(Quote(a.ClauseId)).Append(":\n");
                AppendText(sb, "    ", "nl", a.Nl);
                AppendText(sb, "    ", "en", a.En);
            }
        }

        if (c.Custom.Count > 0)
        {
            sb.Append("custom_clauses:\n");
            foreach (var cc in c.Custom)
            {
                sb.Append("  - id: ").Append(Quote(cc.Id)).Append('\n');
                sb.Append("    section: ").Append(Quote(cc.SectionId)).Append('\n');
                sb.Append("    topics: [").Append(string.Join(", ", cc.Topics.Select(Quote))).Append("]\n");
                AppendText(sb, "    ", "nl", cc.Nl);
                AppendText(sb, "    ", "en", cc.En);
            }
        }

        return sb.ToString();
    }

    private static void AppendText(StringBuilder sb, string indent, string lang, ClauseText? text)
    {
        if (text is null)
        {
            return;
        }

        sb.Append(indent).Append(lang).Append(":\n");
        sb.Append(indent).Append("  title: ").Append(Quote(text.Title)).Append('\n');
        sb.Append(indent).Append("  text: ").Append(Quote(text.Body)).Append('\n');
    }

    private static string Yaml(AnswerValue v) => v switch
    {
        TextAnswer { En: null } t => " " + Quote(t.Value),
        TextAnswer t => "\n  nl: " + Quote(t.Value) + "\n  en: " + Quote(t.En),
        BoolAnswer b => b.Value ? " true" : " false",
        NumberAnswer n => " " + n.Value.ToString(CultureInfo.InvariantCulture),
        DateAnswer d => " " + d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ChoiceAnswer c => " " + c.OptionId,
        ListAnswer { Items.Count: 0 } => " []",
        ListAnswer l => "\n" + string.Concat(l.Items.Select((item, i) => l.EnglishItem(i) is { } en
            ? "  - {nl: " + Quote(item) + ", en: " + Quote(en) + "}\n"
            : "  - " + Quote(item) + "\n")).TrimEnd('\n'),
        ContactAnswer c => "\n  name: " + Quote(c.Contact.Name)
            + (c.Contact.NameEn is null ? "" : "\n  name_en: " + Quote(c.Contact.NameEn))
            + (c.Contact.Email is null ? "" : "\n  email: " + Quote(c.Contact.Email))
            + (c.Contact.Phone is null ? "" : "\n  phone: " + Quote(c.Contact.Phone)),
        _ => " null",
    };

    /// <summary>A double-quoted YAML scalar: safe for any text, including markup and control characters.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var ch in s)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (char.IsControl(ch) || ch is '\u2028' or '\u2029' or '\uFEFF')
                    {
                        sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
