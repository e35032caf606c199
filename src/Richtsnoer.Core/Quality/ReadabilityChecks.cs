using System.Globalization;

namespace Richtsnoer.Core.Quality;

/// <summary>Warnings about hard-to-read sections and about length.</summary>
internal static class ReadabilityChecks
{
    public static IEnumerable<Finding> Run(CheckContext context, IReadOnlyList<DocumentReadability> readability)
    {
        var options = context.Options;
        var budget = options.BudgetFor(context.Effective.Get<Answers.NumberAnswer>("employee_count")?.Value);
        foreach (var doc in readability)
        {
            var document = context.Documents.First(d => d.Metadata.Language == doc.Language);
            var inLanguage = readability.Count > 1 ? LanguageNote(doc.Language) : new LocalText("", "");
            foreach (var s in doc.Sections)
            {
                if (s.Scores.Score is not { } score || score >= options.SectionThreshold || s.Scores.Statistics.Words < options.MinimumWordsForWarning)
                {
                    continue;
                }

                var section = document.Sections.First(x => x.Id == s.SectionId);
                var longest = ReadabilityAnalyser.LongestSentence(section);
                yield return new Finding(
                    QualityChecks.SectionReadability,
                    Severity.Warning,
                    new($"{(s.IsAppendix ? "" : "Hoofdstuk ")}{s.Label} ({s.Title}){inLanguage.Nl} scoort {N(score)} op de {s.Scores.ScoreName}-schaal ({s.Scores.Band!.Nl}); de grens is {N(options.SectionThreshold)}.",
                        $"{(s.IsAppendix ? "" : "Section ")}{s.Label} ({s.Title}){inLanguage.En} scores {F(score)} on the {s.Scores.ScoreName} scale ({s.Scores.Band!.En}); the threshold is {F(options.SectionThreshold)}."),
                    Why(s.Scores, options.SectionThreshold),
                    HowTo(longest),
                    $"{doc.Language.Code()}/{s.SectionId}");
            }

            if (doc.Document.Score is { } total && total < options.DocumentThreshold)
            {
                yield return new Finding(
                    QualityChecks.DocumentReadability,
                    Severity.Warning,
                    new($"Het protocol als geheel{inLanguage.Nl} scoort {N(total)} op de {doc.Document.ScoreName}-schaal ({doc.Document.Band!.Nl}); de grens is {N(options.DocumentThreshold)}.",
                        $"The protocol as a whole{inLanguage.En} scores {F(total)} on the {doc.Document.ScoreName} scale ({doc.Document.Band!.En}); the threshold is {F(options.DocumentThreshold)}."),
                    Why(doc.Document, options.DocumentThreshold),
                    new("Begin bij de hoofdstukken met de laagste score. Maak lange zinnen korter (streef naar 15 woorden of minder) en kies gewone woorden in plaats van lange of juridische.",
                        "Start with the sections that score lowest. Shorten long sentences (aim for 15 words or fewer) and choose everyday words over long or legal ones."),
                    doc.Language.Code());
            }

            if (doc.MainWords > budget)
            {
                var longestSections = doc.Sections.Where(x => !x.IsAppendix).OrderByDescending(x => x.Scores.Statistics.Words).Take(options.LongestSectionsNamed).ToList();
                string List(Func<SectionReadability, string> f) => string.Join(", ", longestSections.Select(f));
                yield return new Finding(
                    QualityChecks.Length,
                    Severity.Warning,
                    new($"De hoofdstukken van het protocol{inLanguage.Nl} tellen samen {doc.MainWords} woorden, meer dan de grens van {budget}. Het langst zijn: {List(x => $"{x.Label} {x.Title} ({x.Scores.Statistics.Words} woorden)")}.",
                        $"The chapters of the protocol{inLanguage.En} have {doc.MainWords} words together, more than the limit of {budget}. The longest are: {List(x => $"{x.Label} {x.Title} ({x.Scores.Statistics.Words} words)")}."),
                    new($"Een protocol werkt alleen als medewerkers het lezen en kennen; een regel die niemand kent, is lastig te handhaven. Daarom is kort en bondig de vaste raad. De leestijd is nu ongeveer {doc.ReadingMinutes} minuten ({options.WordsPerMinute} woorden per minuut).",
                        $"A protocol only works when staff read it and know it; a rule nobody knows is hard to enforce. That is why the standard advice is to keep it short and to the point. It now takes about {doc.ReadingMinutes} minutes to read ({options.WordsPerMinute} words per minute)."),
                    new("Kort de langste hoofdstukken in. Laat bepalingen weg die voor uw organisatie niet nodig zijn, en geef medewerkers daarnaast de samenvatting van één pagina.",
                        "Shorten the longest sections. Leave out clauses your organisation does not need, and give staff the one-page summary as well."),
                    doc.Language.Code());
            }
        }
    }

    private static LocalText LanguageNote(Language language) =>
        language == Language.Nl ? new(" (Nederlandse tekst)", " (Dutch text)") : new(" (Engelse tekst)", " (English text)");

    private static LocalText Why(ReadabilityScores scores, double threshold)
    {
        var s = scores.Statistics;
        return new(
            $"Een score onder {N(threshold)} wijst op lange zinnen of lange woorden: hier {N(s.WordsPerSentence)} woorden per zin en {s.SyllablesPerWord.ToString("0.00", Nl)} lettergrepen per woord. Een tekst vanaf ongeveer 60 lezen de meeste volwassenen vlot. De score is een signaal, geen oordeel: korte zinnen zijn niet vanzelf duidelijk.",
            $"A score below {F(threshold)} points to long sentences or long words: here {s.WordsPerSentence.ToString("0.0", En)} words per sentence and {s.SyllablesPerWord.ToString("0.00", En)} syllables per word. Most adults read a text from about 60 with ease. The score is a signal, not a verdict: short sentences are not clear by themselves.");
    }

    private static LocalText HowTo((string Sentence, int Words)? longest)
    {
        var nl = "Maak lange zinnen korter (streef naar 15 woorden of minder) en kies gewone woorden in plaats van lange of juridische.";
        var en = "Shorten long sentences (aim for 15 words or fewer) and choose everyday words over long or legal ones.";
        if (longest is { Words: > 20 } l)
        {
            nl += $" De langste zin telt {l.Words} woorden: \"{Quote(l.Sentence)}\"";
            en += $" The longest sentence has {l.Words} words: \"{Quote(l.Sentence)}\"";
        }

        return new(nl, en);
    }

    internal static string Quote(string s) => s.Length <= 160 ? s : s[..157].TrimEnd() + "...";

    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    /// <summary>One decimal, English style (54.3).</summary>
    internal static string F(double d) => d.ToString("0.0", En);

    /// <summary>One decimal, Dutch style (54,3).</summary>
    internal static string N(double d) => d.ToString("0.0", Nl);
}
