namespace Richtsnoer.Core.Quality;

/// <summary>
/// The readability formulas. Each is a signal, not a verdict: short sentences and short words
/// make a text easier, but say nothing about whether it is clear.
/// </summary>
public static class Readability
{
    /// <summary>Flesch-Douma (Dutch): 206.835 - 0.93 x words per sentence - 77 x syllables per word.</summary>
    public static double FleschDouma(TextStatistics s) => 206.835 - (0.93 * s.WordsPerSentence) - (77 * s.SyllablesPerWord);

    /// <summary>Brouwer (Dutch): 195 - 2 x words per sentence - 67 x syllables per word.</summary>
    public static double Brouwer(TextStatistics s) => 195 - (2 * s.WordsPerSentence) - (67 * s.SyllablesPerWord);

    /// <summary>Flesch Reading Ease (English): 206.835 - 1.015 x words per sentence - 84.6 x syllables per word.</summary>
    public static double FleschReadingEase(TextStatistics s) => 206.835 - (1.015 * s.WordsPerSentence) - (84.6 * s.SyllablesPerWord);

    /// <summary>LIX (Björnsson): words per sentence + 100 x the share of words of seven letters or more. Lower is easier.</summary>
    public static double Lix(TextStatistics s) => s.WordsPerSentence + (100 * s.LongWordShare);

    /// <summary>The band of a Flesch-Douma score (Douma).</summary>
    public static LocalText DoumaBand(double score) => score switch
    {
        < 30 => new("zeer moeilijk", "very difficult"),
        < 45 => new("moeilijk", "difficult"),
        < 60 => new("vrij moeilijk", "fairly difficult"),
        < 70 => new("normaal", "normal"),
        < 80 => new("vrij gemakkelijk", "fairly easy"),
        < 90 => new("gemakkelijk", "easy"),
        _ => new("zeer gemakkelijk", "very easy"),
    };

    /// <summary>The band of a Flesch Reading Ease score (Flesch).</summary>
    public static LocalText FleschBand(double score) => score switch
    {
        < 30 => new("zeer moeilijk", "very difficult"),
        < 50 => new("moeilijk", "difficult"),
        < 60 => new("vrij moeilijk", "fairly difficult"),
        < 70 => new("normaal", "plain English"),
        < 80 => new("vrij gemakkelijk", "fairly easy"),
        < 90 => new("gemakkelijk", "easy"),
        _ => new("zeer gemakkelijk", "very easy"),
    };

    /// <summary>The band of a LIX score.</summary>
    public static LocalText LixBand(double lix) => lix switch
    {
        < 25 => new("zeer gemakkelijk", "very easy"),
        < 35 => new("gemakkelijk", "easy"),
        < 45 => new("gemiddeld", "medium"),
        < 55 => new("moeilijk", "difficult"),
        _ => new("zeer moeilijk", "very difficult"),
    };
}

/// <summary>The scores of one piece of text in one language.</summary>
public sealed record ReadabilityScores(Language Language, TextStatistics Statistics)
{
    public bool HasText => Statistics.Sentences > 0 && Statistics.Words > 0;

    /// <summary>Flesch-Douma for Dutch text, null for English.</summary>
    public double? FleschDouma => HasText && Language == Language.Nl ? Readability.FleschDouma(Statistics) : null;

    /// <summary>Brouwer for Dutch text, null for English.</summary>
    public double? Brouwer => HasText && Language == Language.Nl ? Readability.Brouwer(Statistics) : null;

    /// <summary>Flesch Reading Ease for English text, null for Dutch.</summary>
    public double? FleschReadingEase => HasText && Language == Language.En ? Readability.FleschReadingEase(Statistics) : null;

    public double? Lix => HasText ? Readability.Lix(Statistics) : null;

    /// <summary>The main score for the language: Flesch-Douma (nl) or Flesch Reading Ease (en).</summary>
    public double? Score => Language == Language.Nl ? FleschDouma : FleschReadingEase;

    /// <summary>The name of <see cref="Score"/>.</summary>
    public string ScoreName => Language == Language.Nl ? "Flesch-Douma" : "Flesch Reading Ease";

    public LocalText? Band => Score is not { } s ? null : Language == Language.Nl ? Readability.DoumaBand(s) : Readability.FleschBand(s);
}

public sealed record SectionReadability(string SectionId, string Label, string Title, bool IsAppendix, ReadabilityScores Scores);

/// <summary>Readability of one assembled document (one language): per section and in total.</summary>
public sealed record DocumentReadability(
    Language Language,
    ReadabilityScores Document,
    IReadOnlyList<SectionReadability> Sections,
    int ReadingMinutes)
{
    public int Words => Document.Statistics.Words;

    /// <summary>The words of the chapters, without the appendices.</summary>
    public int MainWords => Sections.Where(s => !s.IsAppendix).Sum(s => s.Scores.Statistics.Words);
}
