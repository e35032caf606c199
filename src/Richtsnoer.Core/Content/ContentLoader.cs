using System.Text.RegularExpressions;
using Richtsnoer.Core.Model;
using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Core.Content;

/// <summary>
/// Reads content/ into a <see cref="ContentLibrary"/>. Collects every mistake it finds, with file
/// and line, and throws one <see cref="ContentException"/> listing them all.
/// </summary>
public sealed partial class ContentLoader
{
    private readonly string root;
    private readonly List<ContentError> errors = [];

    private ContentLoader(string root) => this.root = root;

    [GeneratedRegex(@"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^#\s*(nl|en)\s*:\s*(.*)$")]
    private static partial Regex LanguageHeader();

    public static ContentLibrary Load(string root)
    {
        var loader = new ContentLoader(root);
        var library = loader.LoadAll();
        if (loader.errors.Count > 0 || library is null)
        {
            throw new ContentException(loader.errors);
        }

        return library;
    }

    private ContentLibrary? LoadAll()
    {
        if (!Directory.Exists(root))
        {
            errors.Add(new ContentError(root, 0, "content folder not found"));
            return null;
        }

        var topics = LoadTopics();
        var sections = LoadSections();
        var interview = LoadInterview();
        var presets = LoadPresets(interview);
        var clauses = LoadClauses();
        var summary = LoadSummary();
        var guide = LoadResponseGuide();
        var disclaimer = LoadDisclaimer();
        if (interview is null || guide is null || disclaimer is null)
        {
            return null;
        }

        var library = new ContentLibrary(topics, sections, interview, presets, clauses, summary, guide, disclaimer, root);
        new ContentValidator(library, errors).Validate();
        return library;
    }

    private string Rel(string path) => Path.GetRelativePath(Path.GetDirectoryName(root) ?? root, path);

    private YamlNode? ReadYaml(string relative, bool required = true)
    {
        var path = Path.Combine(root, relative);
        if (!File.Exists(path))
        {
            if (required)
            {
                errors.Add(new ContentError(Rel(path), 0, "file is missing"));
            }

            return null;
        }

        return ParseYaml(File.ReadAllText(path), path);
    }

    private YamlNode? ParseYaml(string text, string path)
    {
        try
        {
            return YamlNodes.Parse(text);
        }
        catch (YamlSyntaxError e)
        {
            errors.Add(new ContentError(Rel(path), e.Line, "YAML syntax error: " + e.Message));
            return null;
        }
    }

    private void Error(string relative, YamlNode? node, string message) =>
        errors.Add(new ContentError(Rel(Path.Combine(root, relative)), node?.Line() ?? 0, message));

    private LocalText Local(string file, YamlNode? node, string what)
    {
        if (node is YamlMappingNode map)
        {
            var nl = map.Str("nl");
            var en = map.Str("en");
            if (string.IsNullOrWhiteSpace(nl) || string.IsNullOrWhiteSpace(en))
            {
                Error(file, node, $"{what} needs a Dutch (nl) and an English (en) text");
            }

            return new LocalText(nl?.Trim() ?? string.Empty, en?.Trim() ?? string.Empty);
        }

        Error(file, node, $"{what} needs a map with nl and en");
        return LocalText.Empty;
    }

    private List<Topic> LoadTopics()
    {
        const string file = "topics.yaml";
        var list = new List<Topic>();
        if (ReadYaml(file) is not YamlSequenceNode seq)
        {
            return list;
        }

        foreach (var item in seq.Children.OfType<YamlMappingNode>())
        {
            var key = item.Str("key");
            if (key is null || !int.TryParse(item.Str("number"), out var number))
            {
                Error(file, item, "a topic needs a key and a number");
                continue;
            }

            list.Add(new Topic(key, number, Local(file, item, $"topic '{key}'")));
        }

        return list;
    }

    private List<SectionDefinition> LoadSections()
    {
        const string file = "sections.yaml";
        var list = new List<SectionDefinition>();
        if (ReadYaml(file) is not YamlSequenceNode seq)
        {
            return list;
        }

        foreach (var item in seq.Children.OfType<YamlMappingNode>())
        {
            var id = item.Str("id");
            if (id is null)
            {
                Error(file, item, "a section needs an id");
                continue;
            }

            list.Add(new SectionDefinition(id, Local(file, item, $"section '{id}'"), item.Str("appendix") == "true"));
        }

        return list;
    }

    private Interview? LoadInterview()
    {
        const string file = "interview/questions.yaml";
        if (ReadYaml(file) is not YamlMappingNode rootNode || rootNode.Child("steps") is not YamlSequenceNode steps)
        {
            Error(file, null, "expected a map with 'steps'");
            return null;
        }

        var texts = new Dictionary<Language, YamlMappingNode?>
        {
            [Language.Nl] = ReadYaml("interview/nl.yaml") as YamlMappingNode,
            [Language.En] = ReadYaml("interview/en.yaml") as YamlMappingNode,
        };

        string? Text(Language lang, string group, string id, string? field = null)
        {
            var node = texts[lang]?.Child(group) is YamlMappingNode g ? g.Child(id) : null;
            if (field is null)
            {
                return node is YamlScalarNode s ? s.Value : null;
            }

            return node is YamlMappingNode m ? m.Str(field) : null;
        }

        string? OptionText(Language lang, string qid, string option) =>
            texts[lang]?.Child("questions") is YamlMappingNode qs && qs.Child(qid) is YamlMappingNode q
                && q.Child("options") is YamlMappingNode o ? o.Str(option) : null;

        LocalText Both(string what, Func<Language, string?> get, YamlNode at, bool required = true)
        {
            var nl = get(Language.Nl);
            var en = get(Language.En);
            if (required && (string.IsNullOrWhiteSpace(nl) || string.IsNullOrWhiteSpace(en)))
            {
                Error(file, at, $"{what} has no text in " + (string.IsNullOrWhiteSpace(nl) ? "interview/nl.yaml" : "interview/en.yaml"));
            }

            return new LocalText(nl?.Trim() ?? string.Empty, en?.Trim() ?? string.Empty);
        }

        var result = new List<Step>();
        foreach (var stepNode in steps.Children.OfType<YamlMappingNode>())
        {
            var stepId = stepNode.Str("id") ?? "";
            var questions = new List<Question>();
            foreach (var q in (stepNode.Child("questions") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
            {
                var id = q.Str("id");
                if (id is null || !Enum.TryParse<QuestionType>(q.Str("type"), ignoreCase: true, out var type))
                {
                    Error(file, q, $"question '{id}' needs an id and a type (text, email, date, number, yesno, choice, multi, list, contact)");
                    continue;
                }

                var options = ((q.Child("options") as YamlSequenceNode)?.Children ?? [])
                    .OfType<YamlScalarNode>()
                    .Select(o => new QuestionOption(o.Value!, Both($"option '{o.Value}' of question '{id}'", l => OptionText(l, id, o.Value!), o)))
                    .ToList();
                if ((type is QuestionType.Choice or QuestionType.Multi) && options.Count == 0)
                {
                    Error(file, q, $"question '{id}' of type {type} needs options");
                }

                questions.Add(new Question(
                    id,
                    stepId,
                    type,
                    q.Str("required") == "true",
                    q.Child("when") is { } w ? ParseCondition(file, w) : null,
                    options,
                    q.Child("default")?.ToRaw(),
                    int.TryParse(q.Str("max_length"), out var ml) ? ml : null,
                    long.TryParse(q.Str("min"), out var min) ? min : null,
                    long.TryParse(q.Str("max"), out var max) ? max : null,
                    Both($"question '{id}'", l => Text(l, "questions", id, "label"), q),
                    Both($"help of question '{id}'", l => Text(l, "questions", id, "help"), q, required: false))
                {
                    LanguageNeutral = q.Str("language_neutral") == "true",
                });
            }

            result.Add(new Step(stepId, Both($"step '{stepId}'", l => Text(l, "steps", stepId), stepNode), questions));
        }

        var quickStart = ((rootNode.Child("quick_start") as YamlSequenceNode)?.Children ?? []).OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList();
        return new Interview(result) { QuickStart = quickStart };
    }

    private Dictionary<string, IReadOnlyDictionary<string, RawValue>> LoadPresets(Interview? interview)
    {
        const string file = "presets.yaml";
        var presets = new Dictionary<string, IReadOnlyDictionary<string, RawValue>>();
        if (ReadYaml(file) is not YamlMappingNode map)
        {
            return presets;
        }

        foreach (var (sector, node, _) in map.Entries())
        {
            var values = new Dictionary<string, RawValue>(StringComparer.Ordinal);
            foreach (var (qid, value, _) in (node as YamlMappingNode)?.Entries() ?? [])
            {
                if (interview is not null && interview.Find(qid) is null)
                {
                    Error(file, value, $"preset '{sector}' sets unknown question '{qid}'");
                }

                if (value.ToRaw() is { } raw)
                {
                    values[qid] = raw;
                }
            }

            presets[sector] = values;
        }

        return presets;
    }

    internal Condition? ParseCondition(string file, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(file, node, "a condition must be a map such as {question: works_council, equals: true}");
            return null;
        }

        List<Condition> Parts(string key) =>
            ((map.Child(key) as YamlSequenceNode)?.Children ?? []).Select(c => ParseCondition(file, c)).OfType<Condition>().ToList();

        if (map.Child("all") is not null)
        {
            return new Condition.All(Parts("all"));
        }

        if (map.Child("any") is not null)
        {
            return new Condition.Any(Parts("any"));
        }

        if (map.Child("not") is { } inner)
        {
            return ParseCondition(file, inner) is { } c ? new Condition.Not(c) : null;
        }

        var question = map.Str("question");
        if (question is null)
        {
            Error(file, node, "a condition needs 'question' (or all/any/not)");
            return null;
        }

        if (map.Str("equals") is { } eq)
        {
            return new Condition.EqualsValue(question, eq);
        }

        if (map.Str("contains") is { } contains)
        {
            return new Condition.Contains(question, contains);
        }

        if (map.Child("in") is YamlSequenceNode values)
        {
            return new Condition.In(question, values.Children.OfType<YamlScalarNode>().Select(v => v.Value ?? "").ToList());
        }

        if (map.Str("answered") is { } answered)
        {
            return new Condition.Answered(question, answered == "true");
        }

        if (map.Str("at_least") is { } atLeast && long.TryParse(atLeast, System.Globalization.CultureInfo.InvariantCulture, out var least))
        {
            return new Condition.AtLeast(question, least);
        }

        Error(file, node, $"condition on '{question}' needs equals, contains, in, answered or at_least (a whole number)");
        return null;
    }

    private List<ClauseTemplate> LoadClauses()
    {
        var dir = Path.Combine(root, "clauses");
        var list = new List<ClauseTemplate>();
        if (!Directory.Exists(dir))
        {
            errors.Add(new ContentError(Rel(dir), 0, "folder is missing"));
            return list;
        }

        foreach (var path in Directory.EnumerateFiles(dir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (LoadClause(path) is { } clause)
            {
                list.Add(clause);
            }
        }

        return list;
    }

    private ClauseTemplate? LoadClause(string path)
    {
        var relative = Path.GetRelativePath(root, path);
        var lines = File.ReadAllText(path).Replace("\r\n", "\n").Split('\n');
        if (lines.Length < 3 || lines[0].Trim() != "---")
        {
            Error(relative, null, "a clause file starts with front matter between two '---' lines");
            return null;
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            Error(relative, null, "the front matter has no closing '---' line");
            return null;
        }

        if (ParseYaml(string.Join('\n', lines[1..end]), path) is not YamlMappingNode fm)
        {
            return null;
        }

        // Front matter lines are offset by the opening '---'.
        void FmError(YamlNode? node, string message) =>
            errors.Add(new ContentError(Rel(path), (node?.Line() ?? 0) + 1, message));

        var id = fm.Str("id");
        if (id is null || !IdPattern().IsMatch(id))
        {
            FmError(fm, "a clause needs an 'id' in kebab-case");
            return null;
        }

        if (!int.TryParse(fm.Str("version"), out var version) || version < 1)
        {
            FmError(fm, $"clause '{id}' needs a 'version' (a whole number from 1)");
        }

        var section = fm.Str("section") ?? "";
        var folder = Path.GetFileName(Path.GetDirectoryName(path));
        if (folder != section)
        {
            FmError(fm, $"clause '{id}' says section '{section}' but lies in folder '{folder}'");
        }

        var generator = fm.Str("generate") switch
        {
            null => ClauseGenerator.None,
            "response-guide" => ClauseGenerator.ResponseGuide,
            "disclaimer" => ClauseGenerator.Disclaimer,
            var other => Unknown(other),
        };

        ClauseGenerator Unknown(string other)
        {
            FmError(fm, $"clause '{id}': unknown generator '{other}' (response-guide or disclaimer)");
            return ClauseGenerator.None;
        }

        var bodies = ParseBodies(relative, lines, end + 1);
        if (generator == ClauseGenerator.None && (bodies.Nl is null || bodies.En is null))
        {
            Error(relative, null, $"clause '{id}' needs a '# nl: Title' part and a '# en: Title' part");
        }

        LocalText? Variant(string key)
        {
            if (fm.Child(key) is not { } node)
            {
                return null;
            }

            if (node is not YamlMappingNode m || string.IsNullOrWhiteSpace(m.Str("nl")) || string.IsNullOrWhiteSpace(m.Str("en")))
            {
                FmError(node, $"clause '{id}': '{key}' needs a Dutch and an English text, as {{nl: ..., en: ...}}");
                return null;
            }

            return new LocalText(m.Str("nl")!.Trim(), m.Str("en")!.Trim());
        }

        var setsAnswer = fm.Str("sets_answer") switch
        {
            null or "false" => false,
            "true" => true,
            var other => WrongFlag(other),
        };

        bool WrongFlag(string other)
        {
            FmError(fm, $"clause '{id}': 'sets_answer' is true or false, not '{other}'");
            return false;
        }

        return new ClauseTemplate(
            id,
            version,
            section,
            int.TryParse(fm.Str("order"), out var order) ? order : 0,
            ((fm.Child("topics") as YamlSequenceNode)?.Children ?? []).OfType<YamlScalarNode>().Select(t => t.Value ?? "").ToList(),
            fm.Str("alternative"),
            fm.Child("when") is { } w ? ParseCondition(relative, w) : null,
            ((fm.Child("variables") as YamlSequenceNode)?.Children ?? []).OfType<YamlScalarNode>().Select(t => t.Value ?? "").ToList(),
            generator,
            bodies.Nl,
            bodies.En,
            relative)
        {
            SetsAnswer = setsAnswer,
            Label = Variant("label"),
            Description = Variant("description"),
        };
    }

    private (ClauseBody? Nl, ClauseBody? En) ParseBodies(string relative, string[] lines, int start)
    {
        ClauseBody? nl = null, en = null;
        string? lang = null, title = null;
        var buffer = new List<string>();

        void Close()
        {
            if (lang is null)
            {
                if (buffer.Any(l => !string.IsNullOrWhiteSpace(l)))
                {
                    Error(relative, null, "text before the first '# nl:' or '# en:' line");
                }

                return;
            }

            var body = new ClauseBody(title ?? "", BodyParser.Parse(string.Join('\n', buffer)));
            if (string.IsNullOrWhiteSpace(title))
            {
                Error(relative, null, $"the '# {lang}:' line needs a title");
            }

            if (body.Blocks.Count == 0)
            {
                Error(relative, null, $"the '{lang}' text is empty");
            }

            if (lang == "nl")
            {
                nl = body;
            }
            else
            {
                en = body;
            }
        }

        for (var i = start; i < lines.Length; i++)
        {
            var m = LanguageHeader().Match(lines[i]);
            if (m.Success)
            {
                Close();
                lang = m.Groups[1].Value;
                title = m.Groups[2].Value.Trim();
                buffer.Clear();
            }
            else
            {
                buffer.Add(lines[i]);
            }
        }

        Close();
        return (nl, en);
    }

    private List<SummaryRule> LoadSummary()
    {
        const string file = "summary.yaml";
        var list = new List<SummaryRule>();
        if (ReadYaml(file) is not YamlSequenceNode seq)
        {
            return list;
        }

        foreach (var item in seq.Children.OfType<YamlMappingNode>())
        {
            var id = item.Str("id") ?? "";
            list.Add(new SummaryRule(
                id,
                item.Str("topic") ?? "",
                item.Child("when") is { } w ? ParseCondition(file, w) : null,
                Local(file, item, $"summary rule '{id}'"))
            {
                Group = item.Str("group") ?? "not-allowed",
                ClauseId = item.Str("clause"),
            });
        }

        return list;
    }

    private ResponseGuide? LoadResponseGuide()
    {
        const string file = "response-guide.yaml";
        if (ReadYaml(file) is not YamlMappingNode map)
        {
            Error(file, null, "expected a map with start, questions and situations");
            return null;
        }

        var questions = new Dictionary<string, GuideQuestion>(StringComparer.Ordinal);
        foreach (var (qid, node, _) in (map.Child("questions") as YamlMappingNode)?.Entries() ?? [])
        {
            var q = node as YamlMappingNode;
            var answers = ((q?.Child("answers") as YamlSequenceNode)?.Children ?? []).OfType<YamlMappingNode>()
                .Select(a => new GuideAnswer(Local(file, a, $"an answer of '{qid}'"), a.Str("next"), a.Str("situation")))
                .ToList();
            questions[qid] = new GuideQuestion(qid, Local(file, q, $"question '{qid}'"), answers);
        }

        GuideSituationText SituationText(YamlNode? node, string what)
        {
            if (node is not YamlMappingNode m || m.Str("title") is not { } t || m.Str("recognise") is not { } r
                || m.Child("steps") is not YamlSequenceNode steps)
            {
                Error(file, node, $"{what} needs title, recognise and steps");
                return new GuideSituationText("", "", []);
            }

            return new GuideSituationText(t.Trim(), r.Trim(), steps.Children.OfType<YamlScalarNode>().Select(s => (s.Value ?? "").Trim()).ToList());
        }

        var situations = ((map.Child("situations") as YamlSequenceNode)?.Children ?? []).OfType<YamlMappingNode>()
            .Select(s =>
            {
                var id = s.Str("id") ?? "";
                return new GuideSituation(id, s.Str("escalate") == "true", SituationText(s.Child("nl"), $"situation '{id}' (nl)"), SituationText(s.Child("en"), $"situation '{id}' (en)"));
            })
            .ToList();

        return new ResponseGuide(map.Str("start") ?? "", questions, situations);
    }

    private DisclaimerTemplates? LoadDisclaimer()
    {
        const string file = "disclaimer.yaml";
        if (ReadYaml(file) is not YamlMappingNode map)
        {
            Error(file, null, "expected a map with disclaimer, bio and fill_in");
            return null;
        }

        var fillIn = ((map.Child("fill_in") as YamlMappingNode)?.Entries() ?? [])
            .ToDictionary(e => e.Key, e => Local(file, e.Value, $"fill_in '{e.Key}'"));
        return new DisclaimerTemplates(Local(file, map.Child("disclaimer"), "disclaimer"), Local(file, map.Child("bio"), "bio"), fillIn);
    }
}
