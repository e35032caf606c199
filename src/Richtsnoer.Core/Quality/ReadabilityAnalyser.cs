using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Quality;

/// <summary>Scores an assembled document per section and as a whole.</summary>
public static class ReadabilityAnalyser
{
    public static DocumentReadability Analyse(ProtocolDocument document, QualityOptions options)
    {
        var language = document.Metadata.Language;
        var sections = document.Sections
            .Select(s => new SectionReadability(s.Id, s.Label(language), s.Title, s.IsAppendix, Score(s.Clauses.SelectMany(c => c.Blocks), language)))
            .ToList();
        var total = sections.Aggregate(TextStatistics.Zero, (sum, s) => sum + s.Scores.Statistics);
        return new DocumentReadability(language, new ReadabilityScores(language, total), sections, ReadingMinutes(total.Words, options.WordsPerMinute));
    }

    public static ReadabilityScores Score(IEnumerable<Block> blocks, Language language) =>
        new(language, TextAnalyser.Analyse(BlockText.Units(blocks), language));

    public static ReadabilityScores Score(string text, Language language) =>
        new(language, TextAnalyser.AnalyseUnit(text, language));

    /// <summary>Whole minutes, rounded up; at least one for any text.</summary>
    public static int ReadingMinutes(int words, int wordsPerMinute) =>
        words == 0 ? 0 : (int)Math.Ceiling(words / (double)Math.Max(1, wordsPerMinute));

    /// <summary>The longest sentence in a section, to show where to start rewriting.</summary>
    public static (string Sentence, int Words)? LongestSentence(Section section) =>
        BlockText.Units(section.Clauses.SelectMany(c => c.Blocks))
            .SelectMany(TextAnalyser.Sentences)
            .Select(s => (Sentence: s, Words: TextAnalyser.Words(s).Count))
            .OrderByDescending(x => x.Words)
            .Cast<(string, int)?>()
            .FirstOrDefault();
}
