using System.Text.RegularExpressions;
using Richtsnoer.Core.Content;
using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Core.PostCheck;

/// <summary>One entry of a lexicon as written in content/checks/, with its place for error messages.</summary>
public sealed record LexiconTerm(string Text, string File, long Line)
{
    public override string ToString() => Text;
}

/// <summary>A group of abusive terms of one kind (profanity, insult, obscenity, threat, discrimination).</summary>
/// <param name="Medical">Disease words used as curses (kanker, tyfus): no alarm when the sentence is about health.</param>
public sealed record AbusiveGroup(string Kind, bool Medical, IReadOnlyList<LexiconTerm> Terms);

/// <summary>
/// Everything the post check knows that is not the organisation's own: word lists, phrases and
/// messages, loaded from content/checks/ (see docs/post-check.md for the format).
/// </summary>
public sealed record CheckLexicon
{
    public static readonly IReadOnlyList<string> AbusiveKinds = ["profanity", "insult", "obscenity", "threat", "discrimination"];

    /// <summary>Every message key the checker uses; messages.yaml must give each in nl and en.</summary>
    public static readonly IReadOnlyList<string> MessageKeys =
    [
        "confidential.matter", "confidential.marker",
        "personal-data.bsn", "personal-data.iban", "personal-data.phone", "personal-data.email",
        "personal-data.address", "personal-data.health", "personal-data.discipline",
        "abusive.profanity", "abusive.insult", "abusive.obscenity", "abusive.threat", "abusive.discrimination",
        "relation", "competitor", "conversation",
        "employer.undisclosed", "employer.function",
        "ask", "ask.nobody",
    ];

    public required IReadOnlyList<AbusiveGroup> Abusive { get; init; }

    /// <summary>Innocent words that contain an abusive term; a match inside one is ignored.</summary>
    public required IReadOnlyList<LexiconTerm> AbusiveAllow { get; init; }

    /// <summary>Compounds about the disease (kankeronderzoek): never abusive, and they count as health context.</summary>
    public required IReadOnlyList<LexiconTerm> MedicalExceptions { get; init; }

    /// <summary>Words that show a sentence is about health or illness.</summary>
    public required IReadOnlyList<LexiconTerm> MedicalContext { get; init; }

    /// <summary>A word right before a disease word that shows it means the disease ("aan kanker", "tegen kanker").</summary>
    public required IReadOnlyList<LexiconTerm> MedicalFramesBefore { get; init; }

    /// <summary>A word right after a disease word that shows it means the disease ("kanker is", "kanker genezen").</summary>
    public required IReadOnlyList<LexiconTerm> MedicalFramesAfter { get; init; }

    public required IReadOnlyList<LexiconTerm> ConfidentialMarkers { get; init; }

    public required IReadOnlyList<LexiconTerm> ConfidentialAllow { get; init; }

    /// <summary>Words so general that an organisation's confidential matter is not matched on them alone.</summary>
    public required IReadOnlyList<LexiconTerm> GenericMatters { get; init; }

    /// <summary>Everyday words (recept, werkwijze, incident) that are a confidential matter only in the organisation's context.</summary>
    public required IReadOnlyList<LexiconTerm> EverydayMatters { get; init; }

    /// <summary>Groups of interchangeable last parts of a matter ("lek, gat, kwetsbaarheid"), one group per entry, comma-separated.</summary>
    public required IReadOnlyList<LexiconTerm> MatterSynonyms { get; init; }

    /// <summary>Words that start like a matter but are something else (receptie for recept…): a matter inside one does not count.</summary>
    public required IReadOnlyList<LexiconTerm> MatterAllow { get; init; }

    /// <summary>Words that put a sentence in the organisation's context: onze, bij ons, op het werk, collega's.</summary>
    public required IReadOnlyList<LexiconTerm> OrganisationContext { get; init; }

    /// <summary>Words that put a sentence in private life: oma, thuis, my mum.</summary>
    public required IReadOnlyList<LexiconTerm> PrivateContext { get; init; }

    /// <summary>Conversation markers that always count (screenshot, notulen).</summary>
    public required IReadOnlyList<LexiconTerm> ConversationAlways { get; init; }

    /// <summary>Conversation markers that count only when the sentence reports what was said (vergadering ... zei).</summary>
    public required IReadOnlyList<LexiconTerm> ConversationReported { get; init; }

    /// <summary>Words that report speech or a decision: zei, vertelde, besloten, said, announced.</summary>
    public required IReadOnlyList<LexiconTerm> ReportCues { get; init; }

    public required IReadOnlyList<LexiconTerm> PersonalTitle { get; init; }

    /// <summary>Words that name a statement as one's own (mening, standpunt, view): with a <see cref="PersonalNegations"/> nearby they make a personal-title statement.</summary>
    public required IReadOnlyList<LexiconTerm> PersonalCues { get; init; }

    /// <summary>Words that deny the statement is the employer's (niet die van, niet namens, not those of).</summary>
    public required IReadOnlyList<LexiconTerm> PersonalNegations { get; init; }

    public required IReadOnlyList<LexiconTerm> OnBehalf { get; init; }

    public required IReadOnlyList<LexiconTerm> Functions { get; init; }

    public required IReadOnlyList<LexiconTerm> Health { get; init; }

    public required IReadOnlyList<LexiconTerm> NameIntroducers { get; init; }

    public required IReadOnlyList<LexiconTerm> FirstNames { get; init; }

    /// <summary>Verbs that, after a word with a capital, show the word is a person ("Gerdien is ziek").</summary>
    public required IReadOnlyList<LexiconTerm> NameVerbs { get; init; }

    /// <summary>Capitalised words before such a verb that are not names (Ik, Hij, Het, Mama).</summary>
    public required IReadOnlyList<LexiconTerm> NotNames { get; init; }

    public required IReadOnlyList<LexiconTerm> RoleMailboxes { get; init; }

    public required IReadOnlyList<LexiconTerm> StreetSuffixes { get; init; }

    /// <summary>Lower-case words that may follow a house number ("Dorpsstraat 5 in Utrecht").</summary>
    public required IReadOnlyList<LexiconTerm> AfterHouseNumber { get; init; }

    public required IReadOnlyList<LexiconTerm> LegalForms { get; init; }

    /// <summary>Leading words dropped from a name to get its distinctive core (Woningstichting Thuisbaas → Thuisbaas).</summary>
    public required IReadOnlyList<LexiconTerm> NameDescriptors { get; init; }

    /// <summary>Words that are never a name on their own (Software, Zorg, Groep).</summary>
    public required IReadOnlyList<LexiconTerm> GenericNameWords { get; init; }

    /// <summary>Articles and possessives dropped at the start of an organisation's terms (de, onze, the).</summary>
    public required IReadOnlyList<LexiconTerm> Articles { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<LexiconTerm>> Slots { get; init; }

    public required IReadOnlyDictionary<string, LocalText> Messages { get; init; }

    private static readonly Lazy<CheckLexicon> DefaultLexicon = new(() => Load(ContentLibrary.DefaultDirectory()));

    /// <summary>The lexicon shipped next to the program (content/checks/).</summary>
    public static CheckLexicon Default => DefaultLexicon.Value;

    public static CheckLexicon Load(string contentRoot) => CheckLexiconLoader.Load(contentRoot);
}

/// <summary>
/// Reads content/checks/*.yaml. Like <see cref="ContentLoader"/> it collects every mistake with
/// file and line and throws one <see cref="ContentException"/>.
/// </summary>
internal sealed partial class CheckLexiconLoader
{
    private readonly string root;
    private readonly List<ContentError> errors = [];
    private readonly Dictionary<string, IReadOnlyList<LexiconTerm>> slots = new(StringComparer.Ordinal);

    private CheckLexiconLoader(string root) => this.root = root;

    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}")]
    private static partial Regex SlotPattern();

    public static CheckLexicon Load(string contentRoot)
    {
        var loader = new CheckLexiconLoader(contentRoot);
        var lexicon = loader.LoadAll();
        if (loader.errors.Count > 0)
        {
            throw new ContentException(loader.errors);
        }

        return lexicon;
    }

    private string Rel(string file) => Path.Combine("content", "checks", file).Replace('\\', '/');

    private void Error(string file, long line, string message) => errors.Add(new ContentError(Rel(file), line, message));

    private YamlMappingNode? Read(string file)
    {
        var path = Path.Combine(root, "checks", file);
        if (!File.Exists(path))
        {
            Error(file, 0, "file is missing");
            return null;
        }

        try
        {
            if (YamlNodes.Parse(File.ReadAllText(path)) is YamlMappingNode map)
            {
                return map;
            }

            Error(file, 1, "expected a map of lists");
        }
        catch (YamlSyntaxError e)
        {
            Error(file, e.Line, "YAML syntax error: " + e.Message);
        }

        return null;
    }

    private CheckLexicon LoadAll()
    {
        var slotFile = Read("slots.yaml");
        foreach (var (name, node, line) in slotFile?.Entries() ?? [])
        {
            if (!Regex.IsMatch(name, "^[a-z][a-z0-9_]*$"))
            {
                Error("slots.yaml", line, $"slot name '{name}' must be lower case letters, digits and _");
            }

            slots[name] = Terms("slots.yaml", node, name, allowSlots: false);
        }

        var abusive = Read("abusive.yaml");
        var groups = new List<AbusiveGroup>();
        if (abusive?.Child("groups") is YamlSequenceNode seq)
        {
            foreach (var g in seq.Children)
            {
                if (g is not YamlMappingNode gm)
                {
                    Error("abusive.yaml", g.Line(), "a group is a map with kind and terms");
                    continue;
                }

                var kind = gm.Str("kind");
                if (kind is null || !CheckLexicon.AbusiveKinds.Contains(kind))
                {
                    Error("abusive.yaml", gm.Line(), $"group kind '{kind}' is not one of {string.Join(", ", CheckLexicon.AbusiveKinds)}");
                    continue;
                }

                var medical = gm.Str("medical") switch
                {
                    null or "false" => false,
                    "true" => true,
                    var other => Bad(other),
                };

                bool Bad(string other)
                {
                    Error("abusive.yaml", gm.Child("medical")!.Line(), $"medical is true or false, not '{other}'");
                    return false;
                }

                groups.Add(new AbusiveGroup(kind, medical, Terms("abusive.yaml", gm.Child("terms"), $"group {kind}")));
            }
        }
        else if (abusive is not null)
        {
            Error("abusive.yaml", abusive.Line(), "expected 'groups'");
        }

        var medicalFile = Read("medical.yaml");
        var confidential = Read("confidential.yaml");
        var conversation = Read("conversation.yaml");
        var personalTitle = Read("personal-title.yaml");
        var personalData = Read("personal-data.yaml");
        var names = Read("names.yaml");

        IReadOnlyList<LexiconTerm> List(YamlMappingNode? map, string file, string key, bool allowSlots = true)
        {
            if (map is null)
            {
                return [];
            }

            if (map.Child(key) is not { } node)
            {
                Error(file, map.Line(), $"'{key}' is missing");
                return [];
            }

            return Terms(file, node, key, allowSlots);
        }

        // Lists looked up one word at a time: a phrase there would never match.
        IReadOnlyList<LexiconTerm> Words(YamlMappingNode? map, string file, string key)
        {
            var list = List(map, file, key, allowSlots: false);
            foreach (var t in list.Where(t => NormalisedText.Term(t.Text).Contains(' ')))
            {
                errors.Add(new ContentError(t.File, t.Line, $"'{t.Text}' must be one word: '{key}' is compared word by word"));
            }

            return list;
        }

        var lexicon = new CheckLexicon
        {
            Abusive = groups,
            AbusiveAllow = List(abusive, "abusive.yaml", "allow"),
            MedicalExceptions = List(medicalFile, "medical.yaml", "exceptions"),
            MedicalContext = List(medicalFile, "medical.yaml", "context"),
            MedicalFramesBefore = Words(medicalFile, "medical.yaml", "frames_before"),
            MedicalFramesAfter = Words(medicalFile, "medical.yaml", "frames_after"),
            ConfidentialMarkers = List(confidential, "confidential.yaml", "markers"),
            ConfidentialAllow = List(confidential, "confidential.yaml", "allow"),
            GenericMatters = List(confidential, "confidential.yaml", "generic_matters"),
            EverydayMatters = Words(confidential, "confidential.yaml", "everyday_matters"),
            MatterSynonyms = List(confidential, "confidential.yaml", "matter_synonyms", allowSlots: false),
            MatterAllow = List(confidential, "confidential.yaml", "matter_allow"),
            OrganisationContext = List(confidential, "confidential.yaml", "organisation_context"),
            PrivateContext = List(confidential, "confidential.yaml", "private_context"),
            ConversationAlways = List(conversation, "conversation.yaml", "always"),
            ConversationReported = List(conversation, "conversation.yaml", "when_reported"),
            ReportCues = List(conversation, "conversation.yaml", "report_cues"),
            PersonalTitle = List(personalTitle, "personal-title.yaml", "personal"),
            PersonalCues = List(personalTitle, "personal-title.yaml", "personal_cues"),
            PersonalNegations = List(personalTitle, "personal-title.yaml", "personal_negations"),
            OnBehalf = List(personalTitle, "personal-title.yaml", "on_behalf"),
            Functions = List(personalTitle, "personal-title.yaml", "functions"),
            Health = List(personalData, "personal-data.yaml", "health"),
            NameIntroducers = List(personalData, "personal-data.yaml", "name_introducers"),
            FirstNames = List(personalData, "personal-data.yaml", "first_names"),
            NameVerbs = List(personalData, "personal-data.yaml", "name_verbs"),
            NotNames = List(personalData, "personal-data.yaml", "not_names", allowSlots: false),
            RoleMailboxes = List(personalData, "personal-data.yaml", "role_mailboxes"),
            StreetSuffixes = List(personalData, "personal-data.yaml", "street_suffixes"),
            AfterHouseNumber = List(personalData, "personal-data.yaml", "after_house_number"),
            LegalForms = List(names, "names.yaml", "legal_forms"),
            NameDescriptors = List(names, "names.yaml", "descriptors"),
            GenericNameWords = List(names, "names.yaml", "generic_words"),
            Articles = List(names, "names.yaml", "articles"),
            Slots = slots,
            Messages = LoadMessages(),
        };

        CheckTerms(lexicon);
        return lexicon;
    }

    private List<LexiconTerm> Terms(string file, YamlNode? node, string what, bool allowSlots = true)
    {
        var list = new List<LexiconTerm>();
        if (node is not YamlSequenceNode seq)
        {
            Error(file, node?.Line() ?? 0, $"'{what}' must be a list");
            return list;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            if (item is not YamlScalarNode s || string.IsNullOrWhiteSpace(s.Value))
            {
                Error(file, item.Line(), $"an entry of '{what}' must be a word or phrase");
                continue;
            }

            var text = s.Value.Trim();
            if (!allowSlots && text.Contains('{'))
            {
                Error(file, item.Line(), $"'{text}': a slot cannot be used here");
                continue;
            }

            if (!seen.Add(text))
            {
                Error(file, item.Line(), $"'{text}' appears twice in '{what}'");
            }

            list.Add(new LexiconTerm(text, Rel(file), item.Line()));
        }

        return list;
    }

    private Dictionary<string, LocalText> LoadMessages()
    {
        const string file = "messages.yaml";
        var messages = new Dictionary<string, LocalText>(StringComparer.Ordinal);
        var map = Read(file);
        if (map is null)
        {
            return messages;
        }

        foreach (var (key, node, line) in map.Entries())
        {
            if (!CheckLexicon.MessageKeys.Contains(key))
            {
                Error(file, line, $"unknown message '{key}'");
                continue;
            }

            if (node is not YamlMappingNode m || string.IsNullOrWhiteSpace(m.Str("nl")) || string.IsNullOrWhiteSpace(m.Str("en")))
            {
                Error(file, line, $"message '{key}' needs a Dutch (nl) and an English (en) text");
                continue;
            }

            var text = new LocalText(m.Str("nl")!.Trim(), m.Str("en")!.Trim());
            foreach (Match p in Regex.Matches(text.Nl + " " + text.En, @"\{\{\s*([a-z_]+)\s*\}\}"))
            {
                if (p.Groups[1].Value is not ("term" or "org" or "contact"))
                {
                    Error(file, line, $"message '{key}' uses unknown placeholder {p.Value} (use {{{{term}}}}, {{{{org}}}} or {{{{contact}}}})");
                }
            }

            messages[key] = text;
        }

        foreach (var missing in CheckLexicon.MessageKeys.Where(k => !messages.ContainsKey(k)))
        {
            Error(file, 0, $"message '{missing}' is missing");
        }

        return messages;
    }

    /// <summary>Every term must expand (known slots) and keep at least two letters or digits after normalising.</summary>
    private void CheckTerms(CheckLexicon lexicon)
    {
        var all = lexicon.Abusive.SelectMany(g => g.Terms)
            .Concat(lexicon.AbusiveAllow).Concat(lexicon.MedicalExceptions).Concat(lexicon.MedicalContext)
            .Concat(lexicon.ConfidentialMarkers).Concat(lexicon.ConfidentialAllow).Concat(lexicon.MatterAllow)
            .Concat(lexicon.ConversationAlways).Concat(lexicon.ConversationReported).Concat(lexicon.ReportCues)
            .Concat(lexicon.PersonalTitle).Concat(lexicon.PersonalCues).Concat(lexicon.PersonalNegations).Concat(lexicon.OnBehalf).Concat(lexicon.Functions)
            .Concat(lexicon.Health).Concat(lexicon.NameIntroducers).Concat(lexicon.FirstNames).Concat(lexicon.NameVerbs);
        foreach (var term in all)
        {
            foreach (Match m in SlotPattern().Matches(term.Text))
            {
                if (!slots.ContainsKey(m.Groups[1].Value))
                {
                    errors.Add(new ContentError(term.File, term.Line, $"'{term.Text}' uses unknown slot {{{m.Groups[1].Value}}}; slots are defined in content/checks/slots.yaml"));
                }
            }

            var bare = term.Text.Trim('*');
            if (bare.Contains('*') && bare.Replace("*", "").Length == 0)
            {
                errors.Add(new ContentError(term.File, term.Line, $"'{term.Text}' has no letters"));
                continue;
            }

            var normal = NormalisedText.Term(SlotPattern().Replace(bare, "ab"));
            if (normal.Replace(" ", "").Length < 2)
            {
                errors.Add(new ContentError(term.File, term.Line, $"'{term.Text}' needs at least two letters or digits"));
            }
        }
    }
}
