namespace Richtsnoer.Core.PostCheck.Pipeline;

/// <summary>A part of a multi-word name that may stand for the whole name, with the article before it in the name ("De" of "De Horizon").</summary>
public sealed record NamePart(string Norm, bool Ordinary, string? Before);

/// <summary>A name of the organisation, a relation or a competitor, with the parts that may stand for it.</summary>
public sealed record NameEntry(CheckCategory Category, string Name, IReadOnlyList<NamePart> Parts);

/// <summary>One word that signals a confidential matter: its forms, the word families it belongs to, how ordinary it is.</summary>
public sealed record MatterHead(string Norm, IReadOnlySet<string> Forms, IReadOnlyList<WordFamily> Families, bool Plain, bool Compound);

/// <summary>
/// A confidential matter as the checker reads it: its heads (the things: jaarrekeningen,
/// toetsen), its qualifiers (whose or which: van klanten, op de bouwplaats, and the first part of
/// a compound head: leerling in leerlingdossiers), the proper names in it (Brandsma, Almelo) and
/// whether it is about something that has not happened yet (vóór publicatie, nog niet).
/// </summary>
public sealed record MatterEntry(string Text, IReadOnlyList<MatterHead> Heads, PhraseSet Qualifiers, bool QualifierKlant, IReadOnlyList<string> Names, bool Before, bool HasQualifiers);

/// <summary>
/// Stage 3 (the organisation's part): what the organisation typed in its answers, turned into
/// words with their morphology: names with their distinctive parts, matters with heads,
/// qualifiers and word families, and the extra spellings the organisation added.
/// </summary>
public sealed class OrganisationVocabulary
{
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "van", "op", "met", "door", "voor", "bij", "in", "over", "die", "dat", "aan", "naar", "uit", "tussen", "zonder", "tijdens", "na",
        "of", "on", "by", "before", "with", "for", "that", "from", "at", "about", "not", "during", "after", "to", "which",
    };

    private static readonly HashSet<string> Skip = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "the", "a", "an", "onze", "ons", "our", "nog", "niet", "zijn", "worden", "is", "are", "yet", "not", "been", "be",
        "opgelost", "fixed", "taken", "they", "ze",
    };

    private static readonly HashSet<string> Coordinators = new(StringComparer.Ordinal) { "en", "and", "of", "or", "&" };

    public IReadOnlyList<NameEntry> Names { get; }

    public IReadOnlyList<MatterEntry> Matters { get; }

    public ContextLexicon Words { get; }

    /// <summary>
    /// The people the organisation works for (answer <c>people_served</c>: leerlingen, cliënten),
    /// with their forms and as the end of a compound (mentorleerlingen). A private word next to
    /// them ("thuis") is about their life, not the writer's.
    /// </summary>
    public PhraseSet Served { get; private init; } = new([]);

    /// <summary>The parts of multi-word names, by folded word.</summary>
    public IReadOnlyDictionary<string, List<(NameEntry Name, NamePart Part)>> PartIndex { get; }

    /// <summary>Every form of every head: the matters and heads it signals.</summary>
    public IReadOnlyDictionary<string, List<(int Matter, int Head)>> HeadForms { get; }

    /// <summary>Heads that are not everyday words, for compounds that end with them (klantgegevens).</summary>
    public IReadOnlyDictionary<string, List<(int Matter, int Head)>> CompoundEnds { get; }

    /// <summary>Heads of five letters or more, for compounds that start with them (overnamegesprekken).</summary>
    public IReadOnlyDictionary<string, List<(int Matter, int Head)>> CompoundStarts { get; }

    /// <summary>Per word family, the matters and heads that belong to it.</summary>
    public IReadOnlyList<List<(int Matter, int Head)>> ByFamily { get; }

    private OrganisationVocabulary(List<NameEntry> names, List<MatterEntry> matters, ContextLexicon words)
    {
        Names = names;
        Matters = matters;
        Words = words;
        var forms = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        var ends = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        var starts = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        var families = words.Families.Select(_ => new List<(int, int)>()).ToList();
        static void Put(Dictionary<string, List<(int, int)>> d, string key, (int, int) value)
        {
            if (!d.TryGetValue(key, out var list))
            {
                d[key] = list = [];
            }

            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }

        for (var m = 0; m < matters.Count; m++)
        {
            for (var h = 0; h < matters[m].Heads.Count; h++)
            {
                var head = matters[m].Heads[h];
                foreach (var f in head.Forms)
                {
                    Put(forms, f, (m, h));
                }

                if (!head.Plain && head.Norm.Length >= 6)
                {
                    foreach (var f in DutchMorphology.Singulars(head.Norm))
                    {
                        Put(ends, f, (m, h));
                    }
                }

                if (head.Norm.Length >= 5)
                {
                    foreach (var f in DutchMorphology.Singulars(head.Norm))
                    {
                        Put(starts, f, (m, h));
                    }
                }

                foreach (var family in head.Families)
                {
                    if (!families[family.Id].Contains((m, h)))
                    {
                        families[family.Id].Add((m, h));
                    }
                }
            }
        }

        var parts = new Dictionary<string, List<(NameEntry, NamePart)>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            foreach (var part in name.Parts)
            {
                if (!parts.TryGetValue(part.Norm, out var list))
                {
                    parts[part.Norm] = list = [];
                }

                list.Add((name, part));
            }
        }

        PartIndex = parts;
        HeadForms = forms;
        CompoundEnds = ends;
        CompoundStarts = starts;
        ByFamily = families;
    }

    public static OrganisationVocabulary Create(
        CheckLexicon lexicon,
        ContextLexicon words,
        IEnumerable<string> organisationNames,
        IEnumerable<string> relations,
        IEnumerable<string> competitors,
        IEnumerable<string> matters,
        IEnumerable<string>? served = null)
    {
        var descriptor = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in lexicon.LegalForms.Concat(lexicon.NameDescriptors).Concat(lexicon.GenericNameWords))
        {
            foreach (var tok in Tokenizer.Split(t.Text))
            {
                descriptor.Add(tok.Norm);
            }
        }

        var names = new List<NameEntry>();
        void AddNames(IEnumerable<string> list, CheckCategory category)
        {
            foreach (var name in list)
            {
                var tokens = Tokenizer.Split(name).Where(t => !t.Is(TokenFlags.Handle)).ToList();
                var parts = new List<NamePart>();
                for (var k = 0; k < tokens.Count; k++)
                {
                    var n = tokens[k].Norm;
                    if (n.Length < 4 || descriptor.Contains(n) || lexicon.Articles.Any(a => a.Text == n) || IsDescriptorCompound(n, descriptor, words))
                    {
                        continue;
                    }

                    var before = k > 0 && tokens[k - 1].Norm is "de" or "het" or "van" or "den" or "der" or "ter" or "sint" ? tokens[k - 1].Norm : null;
                    parts.Add(new NamePart(n, words.IsOrdinary(n), before));
                }

                // Only a name of two or more words has parts that stand for it.
                names.Add(new NameEntry(category, name, tokens.Count >= 2 ? parts : []));
            }
        }

        AddNames(organisationNames, CheckCategory.Employer);
        AddNames(relations, CheckCategory.Relation);
        AddNames(competitors, CheckCategory.Competitor);

        var generic = new HashSet<string>(lexicon.GenericMatters.SelectMany(t => Tokenizer.Split(t.Text)).Select(t => t.Norm), StringComparer.Ordinal);
        var entries = matters.Select(m => Matter(m, words, generic)).Where(m => m.Heads.Count > 0).ToList();
        return new OrganisationVocabulary(names, entries, words) { Served = ServedPeople(served ?? []) };
    }

    /// <summary>Words that name anyone at all: they cannot tell whose home "thuis" is.</summary>
    private static readonly HashSet<string> Anyone = new(StringComparer.Ordinal) { "mensen", "mens", "personen", "persoon", "iedereen", "people", "person", "persons", "everyone" };

    /// <summary>
    /// The head nouns of the people served ("cliënten en hun naasten": cliënten, naasten; "de
    /// mensen voor wie je werkt": none), in every form. A noun phrase ends in its head; what
    /// follows a preposition only qualifies it.
    /// </summary>
    private static PhraseSet ServedPeople(IEnumerable<string> texts)
    {
        var entries = new List<string>();
        foreach (var text in texts)
        {
            var heads = new List<string>();
            string? last = null;
            foreach (var token in Tokenizer.Split(text))
            {
                if (Prepositions.Contains(token.Norm))
                {
                    break;
                }

                if (Coordinators.Contains(token.Norm))
                {
                    AddHead(heads, last);
                    last = null;
                    continue;
                }

                last = token.Norm;
            }

            AddHead(heads, last);
            foreach (var form in heads.SelectMany(DutchMorphology.Forms))
            {
                entries.Add(form);
                entries.Add("*" + form);
            }
        }

        return new PhraseSet(entries);
    }

    private static void AddHead(List<string> heads, string? word)
    {
        if (word is { Length: >= 4 } && !Anyone.Contains(word))
        {
            heads.Add(word);
        }
    }

    /// <summary>A compound that ends with a descriptor or generic word (klimaattechniek, woonstichting, zuivelcooperatie).</summary>
    private static bool IsDescriptorCompound(string word, HashSet<string> descriptor, ContextLexicon words) => words is not null && (
        descriptor.Any(d => DutchMorphology.EndsCompound(word, d))
        || new[] { "techniek", "installatie", "installaties", "advies", "stichting", "cooperatie", "centrum", "vervoer", "vastgoed" }.Any(d => word == d || DutchMorphology.EndsCompound(word, d)));

    /// <summary>
    /// Reads a matter: coordinated noun phrases before the first preposition are heads (their
    /// last word; Dutch and English noun phrases end in their head), what follows is qualifiers.
    /// </summary>
    public static MatterEntry Matter(string text, ContextLexicon words, IReadOnlySet<string> generic)
    {
        var tokens = Tokenizer.Split(text);
        var heads = new List<string>();
        var qualifiers = new List<string>();
        var names = new List<string>();
        var before = false;
        var inQualifier = false;
        var segment = new List<string>();
        void Close()
        {
            if (segment.Count > 0)
            {
                heads.Add(segment[^1]);
                foreach (var m in segment.Take(segment.Count - 1))
                {
                    if (m.Length >= 5 && !words.IsOrdinary(m))
                    {
                        qualifiers.Add(m);
                    }
                }
            }

            segment.Clear();
        }

        for (var k = 0; k < tokens.Count; k++)
        {
            var n = tokens[k].Norm;
            if (n is "voor" or "before" || (n == "nog" && k + 1 < tokens.Count && tokens[k + 1].Norm == "niet") || (n == "not" && k + 1 < tokens.Count && tokens[k + 1].Norm == "yet"))
            {
                before = true;
            }

            if (tokens[k].Is(TokenFlags.Capitalised) && k > 0 && !words.IsOrdinary(n) && n.Length >= 4)
            {
                names.Add(n);
            }

            if (!inQualifier && Prepositions.Contains(n))
            {
                Close();
                inQualifier = true;
                continue;
            }

            if (Skip.Contains(n) || Prepositions.Contains(n))
            {
                continue;
            }

            if (inQualifier)
            {
                if (!Coordinators.Contains(n))
                {
                    qualifiers.Add(n);
                }
            }
            else if (Coordinators.Contains(n))
            {
                Close();
            }
            else
            {
                segment.Add(n.EndsWith('\'') ? n[..^1] : n);
            }
        }

        Close();

        var textQualifiers = qualifiers.Count;
        var matterHeads = new List<MatterHead>();
        foreach (var h in heads.Distinct())
        {
            if (generic.Contains(h) || h.Length < 3)
            {
                continue;
            }

            var forms = new HashSet<string>(DutchMorphology.Forms(h), StringComparer.Ordinal);
            var families = words.Families.Where(f => f.Words.Any(w => FamilyHas(w, h))).ToList();
            var compound = false;

            // The first part of a compound head qualifies it: leerling in leerlingdossiers.
            foreach (var s in DutchMorphology.Singulars(h))
            {
                foreach (var f in words.Families)
                {
                    foreach (var w in f.Words)
                    {
                        var wn = Tokenizer.Fold(w);
                        if (!wn.Contains(' ') && DutchMorphology.EndsCompound(s, wn))
                        {
                            var modifier = s[..^wn.Length].TrimEnd('s', '-');
                            if (modifier.Length >= 5)
                            {
                                qualifiers.Add(modifier);
                                compound = true;
                            }

                            if (!families.Contains(f))
                            {
                                families.Add(f);
                            }
                        }
                    }
                }
            }

            matterHeads.Add(new MatterHead(h, forms, families, words.IsOrdinary(h), compound));
        }

        var qualifierWords = new List<string>(qualifiers);
        foreach (var q in qualifiers)
        {
            foreach (var f in words.Families.Where(f => f.Words.Any(w => FamilyHas(w, q)) && !matterHeads.Any(h => h.Families.Contains(f))))
            {
                qualifierWords.AddRange(f.Words);
            }
        }

        var klant = words.Families.Any(f => f.Words.Contains("klant") && qualifiers.Any(q => f.Words.Any(w => FamilyHas(w, q))));
        return new MatterEntry(text, matterHeads, new PhraseSet(qualifierWords.Distinct(), forms: true), klant, names.Distinct().ToList(), before, textQualifiers > 0);
    }

    /// <summary>True when the family word <paramref name="w"/> is the word <paramref name="h"/> or one of its forms.</summary>
    private static bool FamilyHas(string w, string h)
    {
        var wn = Tokenizer.Fold(w);
        return wn == h || DutchMorphology.Singulars(h).Contains(wn) || DutchMorphology.Singulars(wn).Contains(h);
    }
}
