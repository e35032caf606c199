using System.Runtime.CompilerServices;
using System.Text;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.PostCheck;

/// <summary>The draft cannot be checked (too long); the message says why in plain words.</summary>
public sealed class PostCheckInputException(LocalText message) : Exception(message.En)
{
    public LocalText Text { get; } = message;
}

/// <summary>
/// The private post check (publicatiecheck) of one organisation: built once from the lexicon,
/// the organisation's effective answers and its assembled protocol, then asked about any
/// number of drafts. <see cref="Check"/> is stateless and thread-safe; it never stores or logs
/// the draft.
/// </summary>
/// <remarks>
/// Every word list and phrase sits in one Aho-Corasick automaton, built once per lexicon and
/// shared by the checkers of all organisations; the organisation's own terms sit in a small
/// second one. A draft is matched in one pass of each over its normalised text (see
/// <see cref="NormalisedText"/>), whatever the number of terms. The validated detectors for numbers and addresses make one
/// more forward pass each. The rules on top (medical context, reporting cues, personal title,
/// a named person next to a health word) work per sentence on the matches.
/// </remarks>
public sealed class PostChecker
{
    /// <summary>Longer drafts get a clear error instead of an answer.</summary>
    public const int MaxLength = 2_000_000;

    /// <summary>The lexicon's automaton and everything else made from the lexicon alone, one per lexicon.</summary>
    private static readonly ConditionalWeakTable<CheckLexicon, LexiconPart> Parts = new();

    private readonly LexiconPart shared;
    private readonly TermAutomaton automaton;
    private readonly Pattern[] patterns;
    private readonly Role[] roles;
    private readonly CheckLexicon lexicon;
    private readonly Language language;
    private readonly IReadOnlyList<AbusiveGroup> groups;
    private readonly IReadOnlyList<string> names;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> framesBefore;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> framesAfter;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> notNames;
    private readonly PersonalDataDetectors detectors;
    private readonly ClauseIndex clauses;
    private readonly string organisation;
    private readonly string ask;
    private readonly string? contact;
    private readonly Pipeline.OrganisationVocabulary vocabulary;
    private readonly Pipeline.ContextLexicon contextWords;
    private readonly IReadOnlyList<Pipeline.IContextRule> rules;

    private PostChecker(Builder b, CheckLexicon lexicon, Language language, ClauseIndex clauses, string organisation, string? contact, Pipeline.OrganisationVocabulary vocabulary)
    {
        shared = Parts.GetValue(lexicon, static l => new LexiconPart(l));
        this.vocabulary = vocabulary;
        contextWords = vocabulary.Words;
        rules = shared.Rules;
        b.Compile();
        automaton = b.Automaton.Build();
        patterns = [.. b.Patterns];
        roles = [.. b.Roles];
        names = [.. b.Names];
        this.lexicon = lexicon;
        this.language = language;
        groups = lexicon.Abusive;
        framesBefore = shared.FramesBefore;
        framesAfter = shared.FramesAfter;
        notNames = shared.NotNames;
        detectors = shared.Detectors;
        this.clauses = clauses;
        this.organisation = organisation;
        this.contact = contact;
        ask = contact is null ? lexicon.Messages["ask.nobody"][language] : lexicon.Messages["ask"][language].Replace("{{contact}}", contact);
        TermCount = shared.Specs.Count + b.Specs.Count(spec => !shared.Specs.Contains(spec));
    }

    /// <summary>
    /// What every checker made from one lexicon shares: the automaton of all its word lists (most
    /// of the work and the memory of a checker: about 4 MB and hundreds of milliseconds), the
    /// context rules, the word sets and the detectors.
    /// </summary>
    private sealed class LexiconPart
    {
        public LexiconPart(CheckLexicon lexicon)
        {
            var b = new Builder(lexicon);
            b.AddLexicon();
            b.Compile();
            Automaton = b.Automaton.Build();
            Patterns = [.. b.Patterns];
            Roles = [.. b.Roles];
            Specs = [.. b.Specs];
            Rules = Pipeline.ContextRules.For(lexicon);
            FramesBefore = WordSet(lexicon.MedicalFramesBefore);
            FramesAfter = WordSet(lexicon.MedicalFramesAfter);
            NotNames = WordSet(lexicon.NotNames);
            Detectors = new PersonalDataDetectors(
                lexicon.RoleMailboxes.Select(t => t.Text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
                [.. lexicon.StreetSuffixes.Select(t => t.Text).OrderByDescending(t => t.Length)],
                lexicon.AfterHouseNumber.Select(t => t.Text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal));
        }

        public TermAutomaton Automaton { get; }

        public Pattern[] Patterns { get; }

        public Role[] Roles { get; }

        public HashSet<TermSpec> Specs { get; }

        public IReadOnlyList<Pipeline.IContextRule> Rules { get; }

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FramesBefore { get; }

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FramesAfter { get; }

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNames { get; }

        public PersonalDataDetectors Detectors { get; }
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WordSet(IEnumerable<LexiconTerm> terms) =>
        new HashSet<string>(terms.Select(f => NormalisedText.Term(f.Text)), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many distinct terms the automaton holds (word lists plus the organisation's terms).</summary>
    public int TermCount { get; }

    public Language Language => language;

    /// <summary>
    /// Builds the checker of one organisation. <paramref name="effectiveAnswers"/> are the answers
    /// with defaults applied (<see cref="AnswerDefaults.Apply"/>); <paramref name="protocol"/> gives
    /// the clause numbers and titles findings point to, and the language of the messages.
    /// </summary>
    public static PostChecker Create(CheckLexicon lexicon, AnswerSet effectiveAnswers, ProtocolDocument? protocol, Language? language = null) =>
        CreateWith(lexicon, effectiveAnswers, ClauseIndex.Of(protocol, ClauseIndex.TermsOf(effectiveAnswers)), language ?? protocol?.Metadata.Language ?? Language.Nl);

    /// <summary>
    /// As <see cref="Create(CheckLexicon, AnswerSet, ProtocolDocument?, Language?)"/>, with the
    /// clauses findings point to already worked out (<see cref="ClauseIndex.Of"/> on
    /// <see cref="ClauseIndex.TermsOf"/>), for a caller that also keys a cache on them.
    /// </summary>
    public static PostChecker CreateWith(CheckLexicon lexicon, AnswerSet effectiveAnswers, ClauseIndex clauses, Language lang)
    {
        // The lexicon's terms are in the shared automaton (LexiconPart); this builder holds the organisation's.
        var b = new Builder(lexicon);

        var orgName = effectiveAnswers.Text("org_name") ?? "";
        var shortNames = effectiveAnswers.List("org_short_names");
        var terms = Pipeline.TermAliases.Read(effectiveAnswers);
        var organisationNames = new[] { orgName }.Concat(shortNames).Concat(effectiveAnswers.List("org_handles")).ToList();
        foreach (var name in organisationNames.Concat(terms.AliasesOf(organisationNames)))
        {
            b.AddName(name, RoleKind.Organisation, b.NameIndex(shortNames.FirstOrDefault() ?? orgName));
        }

        var relations = effectiveAnswers.List("relations");
        foreach (var relation in relations)
        {
            foreach (var name in terms.WithAliases(relation))
            {
                b.AddName(name, RoleKind.Relation, b.NameIndex(relation));
            }
        }

        var competitors = effectiveAnswers.List("competitors");
        foreach (var competitor in competitors)
        {
            foreach (var name in terms.WithAliases(competitor))
            {
                b.AddName(name, RoleKind.Competitor, b.NameIndex(competitor));
            }
        }

        var matters = effectiveAnswers.List("confidential_matters");
        var matterTexts = new List<string>();
        foreach (var matter in matters)
        {
            foreach (var text in terms.WithAliases(matter))
            {
                b.AddMatter(text, b.NameIndex(matter));
                matterTexts.Add(text);
            }
        }

        // The English wording of a matter signals it too.
        if (effectiveAnswers.Get<ListAnswer>("confidential_matters")?.En is { } english)
        {
            matterTexts.AddRange(english.OfType<string>());
        }

        var vocabulary = Pipeline.OrganisationVocabulary.Create(
            lexicon,
            Pipeline.ContextLexicon.Default,
            organisationNames,
            relations.SelectMany(terms.WithAliases),
            competitors.SelectMany(terms.WithAliases),
            matterTexts,
            effectiveAnswers.Get<TextAnswer>("people_served") is { } served ? [served.Value, served.En ?? string.Empty] : []);

        var contact = effectiveAnswers.Contact("doubt_contact") ?? effectiveAnswers.Contact("escalation_contact");
        return new PostChecker(b, lexicon, lang, clauses, shortNames.FirstOrDefault() ?? orgName, contact is null ? null : FormatContact(contact), vocabulary);
    }

    /// <summary>A checker for terms only (benchmarks, tests): the lexicon plus the given organisation terms.</summary>
    internal static PostChecker ForTerms(CheckLexicon lexicon, string organisation, IEnumerable<string> relations, IEnumerable<string> competitors, IEnumerable<string> matters)
    {
        var set = new AnswerSet()
            .With("org_name", new TextAnswer(organisation))
            .With("relations", new ListAnswer([.. relations]))
            .With("competitors", new ListAnswer([.. competitors]))
            .With("confidential_matters", new ListAnswer([.. matters]));
        return Create(lexicon, set, null, Language.Nl);
    }

    public static string FormatContact(Contact c)
    {
        var details = new[] { c.Email, c.Phone }.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        return details.Count == 0 ? c.Name : $"{c.Name} ({string.Join(", ", details)})";
    }

    /// <summary>Checks one draft. Throws <see cref="PostCheckInputException"/> when it is longer than <see cref="MaxLength"/>.</summary>
    public PostCheckResult Check(string draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Length > MaxLength)
        {
            throw new PostCheckInputException(new(
                $"De tekst is te lang om te controleren (meer dan {MaxLength:N0} tekens).",
                $"The text is too long to check (more than {MaxLength:N0} characters)."));
        }

        // 1. Tokens: the draft split on real word boundaries, and the normalised text the automaton reads.
        var tokens = Pipeline.Tokenizer.Split(draft);
        var text = NormalisedText.Of(draft);

        // 2 and 3. Term matches in one pass: every word list and organisation term, with the
        // Dutch forms written into the terms at build time.
        var hits = new List<Hit>();
        var sink = new Sink(text, shared.Patterns, shared.Roles, hits);
        shared.Automaton.Scan(text.Chars, ref sink);
        var own = new Sink(text, patterns, roles, hits);
        automaton.Scan(text.Chars, ref own);
        hits.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));

        // 4a. The rules of the word lists, per category.
        var raw = new List<RawFinding>();
        Abusive(draft, text, hits, raw);
        Confidential(text, hits, raw);
        Conversation(draft, text, hits, raw);
        Employer(text, hits, raw);
        foreach (var h in hits)
        {
            if (h.Kind is RoleKind.Relation or RoleKind.Competitor)
            {
                raw.Add(new RawFinding(h.Kind == RoleKind.Relation ? CheckCategory.Relation : CheckCategory.Competitor, h.Kind == RoleKind.Relation ? "relation" : "competitor", h.Start, h.End, names[h.Data]));
            }
        }

        Health(text, hits, raw);

        var spans = new List<Pipeline.RawSpan>(raw.Count + 4);
        foreach (var r in MergeRaw(raw))
        {
            spans.Add(new Pipeline.RawSpan(r.Category, r.Kind, text.From(r.Start), text.To(r.End - 1), r.Term));
        }

        var detected = new List<DetectedSpan>();
        detectors.Find(draft, detected);
        foreach (var d in detected)
        {
            spans.Add(new Pipeline.RawSpan(CheckCategory.PersonalData, d.Kind, d.Start, d.End));
        }

        // 4b. Context rules over the whole post: each adds findings or takes innocent ones back.
        var analysis = new Pipeline.PostAnalysis(draft, tokens, spans, vocabulary, contextWords);
        foreach (var rule in rules)
        {
            rule.Apply(analysis);
        }

        // 6. Explanation: a message, the clause and whom to ask for every finding.
        var findings = new List<Finding>(spans.Count);
        foreach (var r in spans)
        {
            findings.Add(MakeFinding(r.Category, r.Kind, r.Start, r.End, r.Term ?? draft[r.Start..r.End]) with { Term = r.Term });
        }

        // 5. Verdict: the most severe finding.
        var merged = Merge(findings);
        var verdict = merged.Count == 0 ? Verdict.Green : merged.Max(f => f.Verdict);
        return new PostCheckResult(verdict, merged, language);
    }

    private Finding MakeFinding(CheckCategory category, string kind, int start, int end, string term)
    {
        var key = category switch
        {
            CheckCategory.Relation or CheckCategory.Competitor or CheckCategory.Conversation => category.Id(),
            _ => category.Id() + "." + kind,
        };
        var message = lexicon.Messages[key][language]
            .Replace("{{term}}", Shorten(term))
            .Replace("{{org}}", organisation);
        return new Finding(category, kind, start, end - start, message, clauses.For(category, term), contact, ask);
    }

    private static string Shorten(string term)
    {
        if (term.Length <= 60 && term.AsSpan().IndexOfAny('\n', '\r', '\t') < 0)
        {
            return term;
        }

        var oneLine = string.Join(' ', term.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 60 ? oneLine : oneLine[..57] + "...";
    }

    /// <summary>Per category, a span inside a longer span of the same category adds nothing; order by place in the draft.</summary>
    private static List<Finding> Merge(List<Finding> findings)
    {
        var result = new List<Finding>(findings.Count);
        findings.Sort(static (x, y) => x.Category != y.Category ? x.Category.CompareTo(y.Category)
            : x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.Length.CompareTo(x.Length));
        Finding? last = null;
        foreach (var f in findings)
        {
            if (last is not null && last.Category == f.Category && f.Start + f.Length <= last.Start + last.Length)
            {
                continue;
            }

            result.Add(f);
            last = f;
        }

        result.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.Category.CompareTo(y.Category));
        return result;
    }

    private void Abusive(string draft, NormalisedText text, List<Hit> hits, List<RawFinding> raw)
    {
        var allow = new Coverage();
        bool[]? medical = null;
        foreach (var h in hits)
        {
            if (h.Kind is RoleKind.AbusiveAllow or RoleKind.MedicalException)
            {
                allow.Add(h.Start, h.End);
            }

            if (h.Kind is RoleKind.MedicalContext or RoleKind.MedicalException)
            {
                medical ??= new bool[text.SentenceCount];
                medical[text.Sentence(h.Start)] = true;
            }
        }

        foreach (var h in hits)
        {
            if (h.Kind != RoleKind.Abusive || allow.Overlaps(h.Start, h.End))
            {
                continue;
            }

            var group = groups[h.Data];
            if (group.Medical && (AboutHealth(medical, text.Sentence(h.Start)) || FramedAsDisease(draft, text, h.Start, h.End)))
            {
                continue;
            }

            raw.Add(Whole(text, new RawFinding(CheckCategory.Abusive, group.Kind, h.Start, h.End, null), h));
        }
    }

    /// <summary>The sentence, or one of the two before or after it, is about health or illness.</summary>
    private static bool AboutHealth(bool[]? medical, int sentence)
    {
        if (medical is null)
        {
            return false;
        }

        for (var k = Math.Max(0, sentence - 2); k <= Math.Min(medical.Length - 1, sentence + 2); k++)
        {
            if (medical[k])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the word right before a disease word shows the disease is meant ("aan kanker",
    /// "tegen kanker"), or the word right after it, with only a space between ("kanker is",
    /// "kanker onderzoek"; not "kanker, is dit echt?").
    /// </summary>
    private bool FramedAsDisease(string draft, NormalisedText text, int start, int end)
    {
        if (start >= 2 && text[start - 1] == ' ')
        {
            var e = start - 1;
            var s = e;
            while (s > 0 && text[s - 1] != ' ' && e - s < 30)
            {
                s--;
            }

            if (framesBefore.Contains(text.Chars[s..e]))
            {
                return true;
            }
        }

        if (end + 1 < text.Length && text[end] == ' ' && text.HardWordEnd(end))
        {
            var gapStart = text.To(end - 1);
            var gapEnd = text.From(end + 1);
            if (draft.AsSpan(gapStart, gapEnd - gapStart).IsWhiteSpace())
            {
                var s = end + 1;
                var e = s;
                while (e < text.Length && text[e] != ' ' && e - s < 30)
                {
                    e++;
                }

                return framesAfter.Contains(text.Chars[s..e]);
            }
        }

        return false;
    }

    private static void Confidential(NormalisedText text, List<Hit> hits, List<RawFinding> raw)
    {
        var allow = new Coverage();
        var matterAllow = new Coverage();
        foreach (var h in hits)
        {
            if (h.Kind == RoleKind.ConfidentialAllow)
            {
                allow.Add(h.Start, h.End);
            }
            else if (h.Kind == RoleKind.MatterAllow)
            {
                matterAllow.Add(h.Start, h.End);
            }
        }

        // Both parts of a split compound in one sentence ("een lek in onze beveiliging").
        Dictionary<(int Sentence, int Pair), int>? parts = null;
        foreach (var h in hits)
        {
            if (h.Kind == RoleKind.MatterPart && !matterAllow.Covers(h.Start, h.End))
            {
                parts ??= [];
                var key = (text.Sentence(h.Start), h.Data / 2);
                parts[key] = parts.GetValueOrDefault(key) | (1 << (h.Data % 2));
            }
        }

        if (parts is not null)
        {
            foreach (var h in hits)
            {
                if (h.Kind == RoleKind.MatterPart && parts[(text.Sentence(h.Start), h.Data / 2)] == 3 && !matterAllow.Covers(h.Start, h.End))
                {
                    raw.Add(new RawFinding(CheckCategory.Confidential, "matter", h.Start, h.End, null));
                }
            }
        }

        // An everyday word (recept, incident) is the organisation's matter only in a sentence
        // about the organisation: its name, or "onze/bij ons/op het werk" and nothing private.
        bool[]? organisationSentence = null;
        foreach (var h in hits)
        {
            if (h.Kind == RoleKind.EverydayMatter)
            {
                organisationSentence = OrganisationSentences(text, hits);
                break;
            }
        }

        foreach (var h in hits)
        {
            // "recept*" inside "receptie" is not the recipe.
            if (h.Kind is RoleKind.EverydayMatter or RoleKind.ConfidentialMatter && matterAllow.Covers(h.Start, h.End))
            {
                continue;
            }

            if (h.Kind == RoleKind.EverydayMatter && organisationSentence![text.Sentence(h.Start)])
            {
                raw.Add(Whole(text, new RawFinding(CheckCategory.Confidential, "matter", h.Start, h.End, null), h));
            }
            else if (h.Kind == RoleKind.ConfidentialMarker && !allow.Overlaps(h.Start, h.End))
            {
                raw.Add(new RawFinding(CheckCategory.Confidential, "marker", h.Start, h.End, null));
            }
            else if (h.Kind == RoleKind.ConfidentialMatter)
            {
                raw.Add(Whole(text, new RawFinding(CheckCategory.Confidential, "matter", h.Start, h.End, null), h));
            }
        }
    }

    /// <summary>Sentences that name the organisation, or have an organisation word and no private one.</summary>
    private static bool[] OrganisationSentences(NormalisedText text, List<Hit> hits)
    {
        var named = new bool[text.SentenceCount];
        var context = new bool[text.SentenceCount];
        var privateLife = new bool[text.SentenceCount];
        foreach (var h in hits)
        {
            var s = text.Sentence(h.Start);
            switch (h.Kind)
            {
                case RoleKind.Organisation:
                    named[s] = true;
                    break;
                case RoleKind.OrganisationContext:
                    context[s] = true;
                    break;
                case RoleKind.PrivateContext:
                    privateLife[s] = true;
                    break;
            }
        }

        for (var k = 0; k < named.Length; k++)
        {
            named[k] |= context[k] && !privateLife[k];
        }

        return named;
    }

    /// <summary>A compound match covers the whole word: "kankerweer", not only "kanker".</summary>
    private static RawFinding Whole(NormalisedText text, RawFinding r, Hit h)
    {
        var start = r.Start;
        var end = r.End;
        while (h.OpenStart && start > 0 && !text.HardWordStart(start) && r.End - start < 60)
        {
            start--;
        }

        while (h.OpenEnd && end < text.Length && !text.HardWordEnd(end) && end - r.Start < 60)
        {
            end++;
        }

        return r with { Start = start, End = end };
    }

    /// <summary>Matches of one category that overlap or touch inside one word become one finding (kanker + lijer).</summary>
    private static List<RawFinding> MergeRaw(List<RawFinding> raw)
    {
        var result = new List<RawFinding>(raw.Count);
        raw.Sort(static (x, y) => x.Category != y.Category ? x.Category.CompareTo(y.Category)
            : x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
        RawFinding? last = null;
        foreach (var r in raw)
        {
            if (last is { } l && l.Category == r.Category && r.Start <= l.End)
            {
                if (r.End > l.End)
                {
                    var kind = r.End - r.Start > l.End - l.Start ? r.Kind : l.Kind;
                    last = l with { End = r.End, Kind = kind, Term = l.Term ?? r.Term };
                    result[^1] = last.Value;
                }

                continue;
            }

            result.Add(r);
            last = r;
        }

        return result;
    }

    private static void Conversation(string draft, NormalisedText text, List<Hit> hits, List<RawFinding> raw)
    {
        bool[]? reported = null;
        foreach (var h in hits)
        {
            if (h.Kind == RoleKind.ConversationAlways)
            {
                raw.Add(Whole(text, new RawFinding(CheckCategory.Conversation, "marker", h.Start, h.End, null), h));
            }
            else if (h.Kind == RoleKind.ConversationReported)
            {
                reported ??= ReportedSentences(draft, text, hits);
                if (reported[text.Sentence(h.Start)])
                {
                    raw.Add(Whole(text, new RawFinding(CheckCategory.Conversation, "marker", h.Start, h.End, null), h));
                }
            }
        }
    }

    /// <summary>Sentences with a reporting word (zei, besloten, said) or a quotation.</summary>
    private static bool[] ReportedSentences(string draft, NormalisedText text, List<Hit> hits)
    {
        var reported = new bool[text.SentenceCount];
        foreach (var h in hits)
        {
            if (h.Kind == RoleKind.ReportCue)
            {
                reported[text.Sentence(h.Start)] = true;
            }
        }

        var p = 0;
        for (var j = 0; j < draft.Length; j++)
        {
            if (draft[j] is not ('"' or '“' or '”' or '„' or '«' or '»'))
            {
                continue;
            }

            while (p < text.Length && text.From(p) < j)
            {
                p++;
            }

            if (p > 0)
            {
                reported[text.Sentence(p - 1)] = true;
            }

            if (p < text.Length)
            {
                reported[text.Sentence(p)] = true;
            }
        }

        return reported;
    }

    private static void Employer(NormalisedText text, List<Hit> hits, List<RawFinding> raw)
    {
        bool personal = false, onBehalf = false, function = false, mentioned = false;
        int cue = -2, negation = -2;
        foreach (var h in hits)
        {
            switch (h.Kind)
            {
                case RoleKind.PersonalTitle:
                    personal = true;
                    break;
                case RoleKind.PersonalCue:
                    // "Mijn mening? ..., niet die van de organisatie": a cue word and a denial of the
                    // employer in the same sentence or the next one (hits are in text order).
                    cue = text.Sentence(h.Start);
                    personal |= negation >= 0 && negation == cue;
                    break;
                case RoleKind.PersonalNegation:
                    negation = text.Sentence(h.Start);
                    personal |= cue >= 0 && negation - cue is 0 or 1;
                    break;
                case RoleKind.OnBehalf:
                    onBehalf = true;
                    break;
                case RoleKind.Function:
                    function = true;
                    break;
                case RoleKind.Organisation:
                    mentioned = true;
                    break;
            }
        }

        if (!mentioned || personal || (onBehalf && function))
        {
            return;
        }

        foreach (var h in hits)
        {
            if (h.Kind == RoleKind.Organisation)
            {
                raw.Add(new RawFinding(CheckCategory.Employer, onBehalf ? "function" : "undisclosed", h.Start, h.End, null));
            }
        }
    }

    /// <summary>A health word in a sentence that names a person (a first name, "collega Jan", an @handle).</summary>
    private void Health(NormalisedText text, List<Hit> hits, List<RawFinding> raw)
    {
        var any = false;
        foreach (var h in hits)
        {
            any |= h.Kind == RoleKind.Health;
        }

        if (!any)
        {
            return;
        }

        var organisations = new Coverage();
        var words = new Coverage();
        foreach (var h in hits)
        {
            if (h.Kind is RoleKind.Organisation or RoleKind.Relation or RoleKind.Competitor)
            {
                organisations.Add(h.Start, h.End);
            }

            if (h.Kind is not (RoleKind.FirstName or RoleKind.NameIntroducer or RoleKind.NameVerb or RoleKind.ReportCue))
            {
                words.Add(h.Start, h.End);
            }
        }

        var named = new bool[text.SentenceCount];
        foreach (var h in hits)
        {
            if (h.Kind == RoleKind.FirstName && text.Upper(h.Start) && !organisations.Covers(h.Start, h.End))
            {
                named[text.Sentence(h.Start)] = true;
            }
            else if (h.Kind == RoleKind.NameIntroducer && h.End + 1 < text.Length && text[h.End] == ' ' && text.Upper(h.End + 1))
            {
                named[text.Sentence(h.Start)] = true;
            }
            else if (h.Kind == RoleKind.NameVerb && CapitalisedWordBefore(text, h.Start) is { } w && !words.Overlaps(w.Start, w.End)
                && !notNames.Contains(text.Chars[w.Start..w.End]))
            {
                named[text.Sentence(h.Start)] = true;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text.Tag(i) == NormalisedText.Handle && text.HardWordStart(i))
            {
                var e = i;
                while (e < text.Length && text[e] != ' ')
                {
                    e++;
                }

                if (!organisations.Covers(i, Math.Min(e, i + 1)))
                {
                    named[text.Sentence(i)] = true;
                }

                i = e;
            }
        }

        foreach (var h in hits)
        {
            if (h.Kind == RoleKind.Health && named[text.Sentence(h.Start)])
            {
                raw.Add(new RawFinding(CheckCategory.PersonalData, "health", h.Start, h.End, null));
            }
        }
    }

    /// <summary>The word right before <paramref name="start"/> when it starts with a capital and is not a hashtag, else null.</summary>
    private static (int Start, int End)? CapitalisedWordBefore(NormalisedText text, int start)
    {
        if (start < 2 || text[start - 1] != ' ')
        {
            return null;
        }

        var end = start - 1;
        var s = end;
        while (s > 0 && text[s - 1] != ' ' && end - s < 40)
        {
            s--;
        }

        return end - s >= 2 && text.Upper(s) && text.Tag(s) == 0 && char.IsLetter(text[s]) ? (s, end) : null;
    }

    private readonly record struct RawFinding(CheckCategory Category, string Kind, int Start, int End, string? Term);

    internal enum RoleKind : byte
    {
        Abusive,
        AbusiveAllow,
        MedicalException,
        MedicalContext,
        ConfidentialMarker,
        ConfidentialAllow,
        ConfidentialMatter,
        MatterPart,
        ConversationAlways,
        ConversationReported,
        ReportCue,
        PersonalTitle,
        OnBehalf,
        Function,
        Health,
        NameIntroducer,
        FirstName,
        NameVerb,
        Organisation,
        Relation,
        Competitor,
        EverydayMatter,
        OrganisationContext,
        PrivateContext,
        PersonalCue,
        PersonalNegation,
        MatterAllow,
    }

    private readonly record struct Role(RoleKind Kind, int Data);

    private readonly record struct Pattern(int Length, bool NeedStart, bool NeedEnd, bool UpperOnly, int RoleStart, int RoleCount);

    /// <summary>A match in the normalised text; Open* when the term may be part of a longer word there.</summary>
    private readonly record struct Hit(int Start, int End, RoleKind Kind, int Data, bool OpenStart = false, bool OpenEnd = false);

    /// <summary>A set of intervals of the normalised text, asked whether they cover or touch a match.</summary>
    private sealed class Coverage
    {
        private readonly List<(int Start, int End)> spans = [];
        private int[]? maxEnd;

        public void Add(int start, int end)
        {
            spans.Add((start, end));
            maxEnd = null;
        }

        public bool Covers(int start, int end)
        {
            if (spans.Count == 0)
            {
                return false;
            }

            var ends = Sorted();

            // The last interval starting at or before 'start'; the largest end among those.
            int lo = 0, hi = spans.Count - 1, found = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (spans[mid].Start <= start)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return found >= 0 && ends[found] >= end;
        }

        /// <summary>True when some interval shares at least one character with [start, end).</summary>
        public bool Overlaps(int start, int end)
        {
            if (spans.Count == 0)
            {
                return false;
            }

            var ends = Sorted();
            int lo = 0, hi = spans.Count - 1, found = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (spans[mid].Start < end)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return found >= 0 && ends[found] > start;
        }

        /// <summary>Sorts by start once; the running maximum of the ends answers both questions by halving.</summary>
        private int[] Sorted()
        {
            if (maxEnd is null)
            {
                spans.Sort();
                maxEnd = new int[spans.Count];
                var m = int.MinValue;
                for (var k = 0; k < spans.Count; k++)
                {
                    m = Math.Max(m, spans[k].End);
                    maxEnd[k] = m;
                }
            }

            return maxEnd;
        }
    }

    private struct Sink(NormalisedText text, Pattern[] patterns, Role[] roles, List<Hit> hits) : TermAutomaton.IMatchSink
    {
        public readonly List<Hit> Hits = hits;

        public readonly void Match(int end, int value)
        {
            var p = patterns[value];
            var start = end - p.Length;
            var bounded = (!p.NeedStart || text.WordStart(start)) && (!p.NeedEnd || text.WordEnd(end));
            var tagged = text.Tag(start) != 0 && p.Length >= 4 && (text.WordStart(start) || text.WordEnd(end));
            var upperOk = !p.UpperOnly || AllUpper(start, end);
            for (var k = p.RoleStart; k < p.RoleStart + p.RoleCount; k++)
            {
                var role = roles[k];
                var isName = role.Kind is RoleKind.Organisation or RoleKind.Relation or RoleKind.Competitor;
                if ((bounded && upperOk) || (isName && tagged))
                {
                    Hits.Add(new Hit(start, end, role.Kind, role.Data, !p.NeedStart, !p.NeedEnd));
                }
            }
        }

        private readonly bool AllUpper(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (text[i] is >= 'a' and <= 'z' && !text.Upper(i))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Collects the terms with their roles; one pattern per distinct (text, word position, case) .</summary>
    private sealed class Builder(CheckLexicon lexicon)
    {
        private readonly Dictionary<TermSpec, List<Role>> byTerm = [];
        private readonly Dictionary<string, int> nameIndex = new(StringComparer.Ordinal);
        private readonly OrganisationTerms organisationTerms = new(lexicon);

        public TermAutomaton.Builder Automaton { get; } = new();

        /// <summary>The distinct terms added so far.</summary>
        public IReadOnlyCollection<TermSpec> Specs => byTerm.Keys;

        public List<Pattern> Patterns { get; } = [];

        public List<Role> Roles { get; } = [];

        public List<string> Names { get; } = [];

        public int NameIndex(string name)
        {
            if (!nameIndex.TryGetValue(name, out var i))
            {
                i = Names.Count;
                Names.Add(name.Trim());
                nameIndex[name] = i;
            }

            return i;
        }

        public void AddLexicon()
        {
            for (var g = 0; g < lexicon.Abusive.Count; g++)
            {
                AddAll(lexicon.Abusive[g].Terms, RoleKind.Abusive, g);
            }

            AddAll(lexicon.AbusiveAllow, RoleKind.AbusiveAllow);
            AddAll(lexicon.MedicalExceptions, RoleKind.MedicalException);
            AddAll(lexicon.MedicalContext, RoleKind.MedicalContext);
            AddAll(lexicon.ConfidentialMarkers, RoleKind.ConfidentialMarker);
            AddAll(lexicon.ConfidentialAllow, RoleKind.ConfidentialAllow);
            AddAll(lexicon.OrganisationContext, RoleKind.OrganisationContext);
            AddAll(lexicon.PrivateContext, RoleKind.PrivateContext);
            AddAll(lexicon.ConversationAlways, RoleKind.ConversationAlways);
            AddAll(lexicon.ConversationReported, RoleKind.ConversationReported);
            AddAll(lexicon.ReportCues, RoleKind.ReportCue);
            AddAll(lexicon.PersonalTitle, RoleKind.PersonalTitle);
            AddAll(lexicon.PersonalCues, RoleKind.PersonalCue);
            AddAll(lexicon.PersonalNegations, RoleKind.PersonalNegation);
            AddAll(lexicon.MatterAllow, RoleKind.MatterAllow);
            AddAll(lexicon.OnBehalf, RoleKind.OnBehalf);
            AddAll(lexicon.Functions, RoleKind.Function);
            AddAll(lexicon.Health, RoleKind.Health);
            AddAll(lexicon.NameIntroducers, RoleKind.NameIntroducer);
            AddAll(lexicon.FirstNames, RoleKind.FirstName);
            AddAll(lexicon.NameVerbs, RoleKind.NameVerb);
        }

        private void AddAll(IEnumerable<LexiconTerm> terms, RoleKind kind, int data = 0)
        {
            foreach (var t in terms)
            {
                foreach (var spec in TermSpec.Expand(t.Text, lexicon.Slots))
                {
                    Add(spec, new Role(kind, data));

                    // A phrase also matches when written as one word: off-the-record, #eigenmening.
                    if (spec.Key.Contains(' ') && spec.Key.Length >= 8 && kind != RoleKind.FirstName)
                    {
                        Add(spec with { Key = spec.Key.Replace(" ", "") }, new Role(kind, data));
                    }

                    // An abusive word with one letter masked (k*nker, f*ck, sh*t), or a pair: a double
                    // vowel or a double consonant, which the text writes as one '*' (kl*tzak, a**hole).
                    if (kind == RoleKind.Abusive && !spec.Key.Contains(' ') && spec.Key.Length >= 3)
                    {
                        for (var i = 1; i < spec.Key.Length - 1; i++)
                        {
                            if (IsVowel(spec.Key[i]))
                            {
                                Add(spec with { Key = string.Concat(spec.Key.AsSpan(0, i), "*", spec.Key.AsSpan(i + 1)) }, new Role(kind, data));
                            }

                            var pair = i + 2 < spec.Key.Length && (spec.Key[i] == spec.Key[i + 1] || (IsVowel(spec.Key[i]) && IsVowel(spec.Key[i + 1])));
                            if (pair && char.IsLetter(spec.Key[i]))
                            {
                                Add(spec with { Key = string.Concat(spec.Key.AsSpan(0, i), "*", spec.Key.AsSpan(i + 2)) }, new Role(kind, data));
                            }
                        }
                    }
                }
            }
        }

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

        private void Add(TermSpec spec, Role role)
        {
            if (!byTerm.TryGetValue(spec, out var list))
            {
                byTerm[spec] = list = [];
            }

            if (!list.Contains(role))
            {
                list.Add(role);
            }
        }

        /// <summary>An organisation's name, alias, handle, client or competitor, with its usual variants.</summary>
        public void AddName(string name, RoleKind kind, int data)
        {
            foreach (var variant in organisationTerms.NameVariants(name))
            {
                if (TermSpec.From(variant) is { } spec)
                {
                    // A one-word name of six letters or more may start a compound: Datastroomers.
                    var compound = !spec.Key.Contains(' ') && spec.Key.Length >= 6;
                    Add(spec with { NeedEnd = !compound }, new Role(kind, data));
                }
            }
        }

        /// <summary>A confidential matter of the organisation, split into the terms that signal it.</summary>
        public void AddMatter(string matter, int data)
        {
            foreach (var (text, compound) in organisationTerms.MatterTerms(matter))
            {
                if (TermSpec.From(text, needEnd: !compound) is { } spec)
                {
                    var role = new Role(organisationTerms.IsEveryday(text) ? RoleKind.EverydayMatter : RoleKind.ConfidentialMatter, data);
                    Add(spec, role);

                    // A phrase may also be the head of a compound: "prijsafspraken met leveranciers".
                    var space = spec.Key.IndexOf(' ', StringComparison.Ordinal);
                    if (space >= 6)
                    {
                        Add(spec with { NeedStart = false }, role);
                    }
                }
            }

            // A compound written apart: both parts in one sentence.
            foreach (var (first, second) in organisationTerms.MatterSplits(matter))
            {
                var pair = Splits++;
                foreach (var f in first)
                {
                    if (TermSpec.From(f) is { } spec)
                    {
                        Add(spec, new Role(RoleKind.MatterPart, pair * 2));
                    }
                }

                foreach (var s in second)
                {
                    if (TermSpec.From(s) is { } spec)
                    {
                        Add(spec, new Role(RoleKind.MatterPart, (pair * 2) + 1));
                    }
                }
            }
        }

        /// <summary>How many split compounds were registered (each has two parts).</summary>
        public int Splits { get; private set; }

        public void Compile()
        {
            foreach (var (spec, list) in byTerm)
            {
                var index = Patterns.Count;
                Patterns.Add(new Pattern(spec.Key.Length, spec.NeedStart, spec.NeedEnd, spec.UpperOnly, Roles.Count, list.Count));
                Roles.AddRange(list);
                Automaton.Add(spec.Key, index);
            }
        }
    }
}
