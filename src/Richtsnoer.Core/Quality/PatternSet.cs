using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Richtsnoer.Core.Content;
using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Core.Quality;

/// <summary>One word of a term: exact, or with a * at the start and/or end.</summary>
public sealed record WordPattern(string Text, bool AnyStart, bool AnyEnd)
{
    public static WordPattern Parse(string word)
    {
        var w = PatternSet.Fold(word);
        var anyStart = w.StartsWith('*');
        var anyEnd = w.EndsWith('*') && w.Length > 1;
        return new WordPattern(w.Trim('*'), anyStart, anyEnd);
    }

    public bool Matches(string token) => (AnyStart, AnyEnd) switch
    {
        (false, false) => token == Text,
        (false, true) => token.StartsWith(Text, StringComparison.Ordinal),
        (true, false) => token.EndsWith(Text, StringComparison.Ordinal),
        _ => token.Contains(Text, StringComparison.Ordinal),
    };

    public override string ToString() => (AnyStart ? "*" : "") + Text + (AnyEnd ? "*" : "");
}

/// <summary>A term: one or more words that must follow each other.</summary>
public sealed record PatternTerm(string Source, IReadOnlyList<WordPattern> Words)
{
    public static PatternTerm Parse(string source) =>
        new(source, PatternSet.Tokens(source, keepStars: true).Select(WordPattern.Parse).ToList());

    /// <summary>The first place the term matches in the tokens, or -1.</summary>
    public int IndexIn(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i + Words.Count <= tokens.Count; i++)
        {
            var all = true;
            for (var j = 0; j < Words.Count && all; j++)
            {
                all = Words[j].Matches(tokens[i + j]);
            }

            if (all)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A rule: every group in <see cref="All"/> matches and none in <see cref="Unless"/>.</summary>
public sealed record OverbroadRule(string Id, string CheckId, IReadOnlyList<string> All, IReadOnlyList<string> Unless);

/// <summary>Where a rule matched: the sentence and, per group, the words that matched.</summary>
public sealed record PatternMatch(OverbroadRule Rule, string Sentence, IReadOnlyDictionary<string, string> Evidence);

/// <summary>
/// A pattern file under content/quality/ (overbroad.yaml, monitoring.yaml): word groups per
/// language and rules that combine them. Matching is pure; only <see cref="Load"/> reads a file.
/// </summary>
public sealed partial class PatternSet(
    IReadOnlyDictionary<Language, IReadOnlyDictionary<string, IReadOnlyList<PatternTerm>>> groups,
    IReadOnlyList<OverbroadRule> rules)
{
    public const string EmployerGroup = "employer";

    public IReadOnlyDictionary<Language, IReadOnlyDictionary<string, IReadOnlyList<PatternTerm>>> Groups { get; } = groups;

    public IReadOnlyList<OverbroadRule> Rules { get; } = rules;

    [GeneratedRegex(@"[\p{L}\p{N}*]+(?:'[\p{L}\p{N}*]+)*'?")]
    private static partial Regex TokenPattern();

    /// <summary>Reads a pattern file, given relative to a content folder (quality/overbroad.yaml).</summary>
    public static PatternSet Load(string contentRoot, string relativePath)
    {
        var path = Path.Combine(contentRoot, relativePath);
        if (!File.Exists(path))
        {
            throw new ContentException([new ContentError(relativePath, 0, "file is missing")]);
        }

        return Parse(File.ReadAllText(path), relativePath);
    }

    /// <summary>Parses the patterns; every mistake is collected into one <see cref="ContentException"/>.</summary>
    public static PatternSet Parse(string yaml, string fileName)
    {
        var errors = new List<ContentError>();
        YamlNode? root;
        try
        {
            root = YamlNodes.Parse(yaml);
        }
        catch (YamlSyntaxError e)
        {
            throw new ContentException([new ContentError(fileName, e.Line, e.Message)]);
        }

        if (root is not YamlMappingNode map)
        {
            throw new ContentException([new ContentError(fileName, 1, "expected 'groups' and 'rules'")]);
        }

        var groups = new Dictionary<Language, IReadOnlyDictionary<string, IReadOnlyList<PatternTerm>>>();
        if (map.Child("groups") is YamlMappingNode byLanguage)
        {
            foreach (var (code, node, line) in byLanguage.Entries())
            {
                if (!LanguageExtensions.TryParse(code, out var language))
                {
                    errors.Add(new ContentError(fileName, line, $"unknown language '{code}'"));
                    continue;
                }

                var terms = new Dictionary<string, IReadOnlyList<PatternTerm>>(StringComparer.Ordinal);
                if (node is YamlMappingNode groupMap)
                {
                    foreach (var (name, list, groupLine) in groupMap.Entries())
                    {
                        var items = (list as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList();
                        if (items is null || items.Count == 0)
                        {
                            errors.Add(new ContentError(fileName, groupLine, $"group '{name}' ({code}) needs a list of terms"));
                            continue;
                        }

                        var parsed = items.Select(PatternTerm.Parse).ToList();
                        foreach (var bad in parsed.Where(t => t.Words.Count == 0 || t.Words.Any(w => w.Text.Length == 0)))
                        {
                            errors.Add(new ContentError(fileName, groupLine, $"group '{name}' ({code}) has an empty term '{bad.Source}'"));
                        }

                        terms[name] = parsed;
                    }
                }

                groups[language] = terms;
            }
        }
        else
        {
            errors.Add(new ContentError(fileName, map.Line(), "missing 'groups'"));
        }

        var rules = new List<OverbroadRule>();
        if (map.Child("rules") is YamlSequenceNode ruleList)
        {
            foreach (var node in ruleList.Children)
            {
                if (node is not YamlMappingNode r || r.Str("id") is not { } id || r.Str("check") is not { } check)
                {
                    errors.Add(new ContentError(fileName, node.Line(), "a rule needs an id and a check"));
                    continue;
                }

                IReadOnlyList<string> Names(string key) =>
                    (r.Child(key) as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList() ?? [];

                var rule = new OverbroadRule(id, check, Names("all"), Names("unless"));
                if (rule.All.Count == 0)
                {
                    errors.Add(new ContentError(fileName, node.Line(), $"rule '{id}' needs at least one group under 'all'"));
                }

                if (rules.Any(x => x.Id == id))
                {
                    errors.Add(new ContentError(fileName, node.Line(), $"rule id '{id}' is used twice"));
                }

                foreach (var (language, terms) in groups)
                {
                    foreach (var missing in rule.All.Concat(rule.Unless).Where(g => g != EmployerGroup && !terms.ContainsKey(g)))
                    {
                        errors.Add(new ContentError(fileName, node.Line(), $"rule '{id}' uses group '{missing}', which {language.Code()} does not have"));
                    }
                }

                rules.Add(rule);
            }
        }
        else if (map.Child("rules") is { } notAList)
        {
            errors.Add(new ContentError(fileName, notAList.Line(), "'rules' must be a list"));
        }

        foreach (var language in Enum.GetValues<Language>().Where(l => !groups.ContainsKey(l)))
        {
            errors.Add(new ContentError(fileName, map.Line(), $"no groups for language '{language.Code()}'"));
        }

        if (errors.Count > 0)
        {
            throw new ContentException(errors);
        }

        return new PatternSet(groups, rules);
    }

    /// <summary>
    /// Every rule that fires in a sentence of the text. <paramref name="employerNames"/> are added
    /// to the employer group (the organisation's own names).
    /// </summary>
    public IReadOnlyList<PatternMatch> Match(IEnumerable<string> sentences, Language language, IReadOnlyList<string> employerNames)
    {
        if (!Groups.TryGetValue(language, out var terms))
        {
            return [];
        }

        var names = employerNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => PatternTerm.Parse(n.Replace("*", ""))).Where(t => t.Words.Count > 0).ToList();
        IReadOnlyList<PatternTerm> Group(string name) =>
            name == EmployerGroup
                ? [.. terms.GetValueOrDefault(name) ?? [], .. names]
                : terms.GetValueOrDefault(name) ?? [];

        var matches = new List<PatternMatch>();
        foreach (var sentence in sentences)
        {
            var tokens = Tokens(sentence, keepStars: false);
            if (tokens.Count == 0)
            {
                continue;
            }

            foreach (var rule in Rules)
            {
                var evidence = new Dictionary<string, string>(StringComparer.Ordinal);
                var fires = true;
                foreach (var g in rule.All)
                {
                    var hit = Group(g).Select(t => (Term: t, At: t.IndexIn(tokens))).FirstOrDefault(x => x.At >= 0);
                    if (hit.Term is null)
                    {
                        fires = false;
                        break;
                    }

                    evidence[g] = string.Join(' ', tokens.Skip(hit.At).Take(hit.Term.Words.Count));
                }

                if (fires && !rule.Unless.Any(g => Group(g).Any(t => t.IndexIn(tokens) >= 0)))
                {
                    matches.Add(new PatternMatch(rule, sentence, evidence));
                }
            }
        }

        return matches;
    }

    /// <summary>Whether any term of a group occurs in the text (any sentence).</summary>
    public bool Mentions(string text, Language language, string group) =>
        Groups.TryGetValue(language, out var terms) && terms.TryGetValue(group, out var list)
        && TextAnalyser.Sentences(text).Select(s => Tokens(s, keepStars: false)).Any(tokens => list.Any(t => t.IndexIn(tokens) >= 0));

    /// <summary>Lower case without accents; typographic apostrophes become '.</summary>
    public static string Fold(string s)
    {
        var decomposed = s.Replace('\u2019', '\'').Replace('\u2018', '\'').ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a text for matching; hyphenated words count as separate words.</summary>
    internal static IReadOnlyList<string> Tokens(string text, bool keepStars)
    {
        var folded = Fold(text);
        if (!keepStars)
        {
            folded = folded.Replace('*', ' ');
        }

        // A closing quote is not part of the word ('kritiek'); a possessive s' is (colleagues').
        return TokenPattern().Matches(folded)
            .Select(m => m.Value.EndsWith('\'') && !m.Value.EndsWith("s'", StringComparison.Ordinal) ? m.Value.TrimEnd('\'') : m.Value)
            .ToList();
    }
}
