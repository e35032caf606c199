using Richtsnoer.Core.Model;
using Richtsnoer.Core.Quality;

namespace Richtsnoer.Core.Tests.Quality;

/// <summary>
/// Flesch-Douma on three reference paragraphs, counted by hand. Every sentence lists its words
/// with their syllables (| between syllables); the totals and the formula are worked out below
/// it, and the analyser must land within one point of the hand result.
/// Flesch-Douma = 206.835 - 0.93 x (words / sentences) - 77 x (syllables / words).
/// </summary>
public class ReadabilityTests
{
    private static double Douma(int words, int sentences, int syllables) =>
        206.835 - (0.93 * words / sentences) - (77.0 * syllables / words);

    [Fact]
    public void Reference_1_short_plain_sentences()
    {
        const string text = "Je mag op je werk social media gebruiken. Doe dat wel met verstand. "
            + "Zet nooit vertrouwelijke informatie online. Twijfel je? Vraag het dan eerst aan je leidinggevende.";

        // 1. Je(1) mag(1) op(1) je(1) werk(1) so|cial(2) me|di|a(3) ge|brui|ken(3)  -> 8 words, 13 syllables
        // 2. Doe(1) dat(1) wel(1) met(1) ver|stand(2)                               -> 5 words,  6 syllables
        // 3. Zet(1) nooit(1) ver|trou|we|lij|ke(5) in|for|ma|tie(4) on|line(2)       -> 5 words, 13 syllables
        // 4. Twij|fel(2) je(1)                                                      -> 2 words,  3 syllables
        // 5. Vraag(1) het(1) dan(1) eerst(1) aan(1) je(1) lei|ding|ge|ven|de(5)      -> 7 words, 11 syllables
        const int words = 8 + 5 + 5 + 2 + 7;       // 27
        const int sentences = 5;
        const int syllables = 13 + 6 + 13 + 3 + 11; // 46

        // 206.835 - 0.93 x 27/5 - 77 x 46/27 = 206.835 - 5.022 - 131.185 = 70.63
        var hand = Douma(words, sentences, syllables);
        Assert.Equal(70.63, hand, 2);

        var scores = ReadabilityAnalyser.Score(text, Language.Nl);
        Assert.Equal(new TextStatistics(words, sentences, syllables, scores.Statistics.LongWords), scores.Statistics);
        Assert.InRange(scores.FleschDouma!.Value, hand - 1, hand + 1);

        // Second signals, by hand. Words of 7 letters or more: gebruiken, verstand, vertrouwelijke,
        // informatie, Twijfel, leidinggevende = 6.
        // LIX = 27/5 + 100 x 6/27 = 5.4 + 22.22 = 27.62; Brouwer = 195 - 2 x 5.4 - 67 x 46/27 = 70.05.
        Assert.Equal(6, scores.Statistics.LongWords);
        Assert.InRange(scores.Lix!.Value, 27.62 - 0.01, 27.62 + 0.01);
        Assert.InRange(scores.Brouwer!.Value, 70.05 - 0.01, 70.05 + 0.01);
        Assert.Equal("vrij gemakkelijk", scores.Band!.Nl);
    }

    [Fact]
    public void Reference_2_long_legal_sentence()
    {
        const string text = "De ondernemingsraad heeft instemmingsrecht op regelingen over het verwerken van persoonsgegevens "
            + "van medewerkers en over voorzieningen waarmee hun gedrag kan worden gecontroleerd. "
            + "Zonder die instemming kan het besluit nietig zijn.";

        // 1. De(1) on|der|ne|mings|raad(5) heeft(1) in|stem|mings|recht(4) op(1) re|ge|lin|gen(4) o|ver(2)
        //    het(1) ver|wer|ken(3) van(1) per|soons|ge|ge|vens(5) van(1) me|de|wer|kers(4) en(1) o|ver(2)
        //    voor|zie|nin|gen(4) waar|mee(2) hun(1) ge|drag(2) kan(1) wor|den(2) ge|con|tro|leerd(4)
        //    -> 22 words, 1+5+1+4+1+4+2+1+3+1+5+1+4+1+2+4+2+1+2+1+2+4 = 52 syllables
        // 2. Zon|der(2) die(1) in|stem|ming(3) kan(1) het(1) be|sluit(2) nie|tig(2) zijn(1)
        //    -> 8 words, 13 syllables
        const int words = 22 + 8;       // 30
        const int sentences = 2;
        const int syllables = 52 + 13;  // 65

        // 206.835 - 0.93 x 30/2 - 77 x 65/30 = 206.835 - 13.95 - 166.833 = 26.05
        var hand = Douma(words, sentences, syllables);
        Assert.Equal(26.05, hand, 2);

        var scores = ReadabilityAnalyser.Score(text, Language.Nl);
        Assert.Equal(words, scores.Statistics.Words);
        Assert.Equal(sentences, scores.Statistics.Sentences);
        Assert.Equal(syllables, scores.Statistics.Syllables);
        Assert.InRange(scores.FleschDouma!.Value, hand - 1, hand + 1);
        Assert.Equal("zeer moeilijk", scores.Band!.Nl);
    }

    [Fact]
    public void Reference_3_loanwords_and_diaeresis()
    {
        const string text = "Het team reageert op berichten over de organisatie. Ideeën van collega's zijn altijd welkom. "
            + "Gebruik je e-mail of een chatgroep? Deel dan geen financiële gegevens van klanten.";

        // 1. Het(1) team(1) re|a|geert(3) op(1) be|rich|ten(3) o|ver(2) de(1) or|ga|ni|sa|tie(5) -> 8 words, 17 syllables
        // 2. I|de|eën(3) van(1) col|le|ga's(3) zijn(1) al|tijd(2) wel|kom(2)                  -> 6 words, 12 syllables
        // 3. Ge|bruik(2) je(1) e|mail(2) of(1) een(1) chat|groep(2)                            -> 6 words,  9 syllables
        // 4. Deel(1) dan(1) geen(1) fi|nan|ci|ë|le(5) ge|ge|vens(3) van(1) klan|ten(2)         -> 7 words, 14 syllables
        const int words = 8 + 6 + 6 + 7;         // 27
        const int sentences = 4;
        const int syllables = 17 + 12 + 9 + 14;  // 52

        // 206.835 - 0.93 x 27/4 - 77 x 52/27 = 206.835 - 6.2775 - 148.296 = 52.26
        var hand = Douma(words, sentences, syllables);
        Assert.Equal(52.26, hand, 2);

        var scores = ReadabilityAnalyser.Score(text, Language.Nl);
        Assert.Equal(words, scores.Statistics.Words);
        Assert.Equal(sentences, scores.Statistics.Sentences);
        Assert.Equal(syllables, scores.Statistics.Syllables);
        Assert.InRange(scores.FleschDouma!.Value, hand - 1, hand + 1);
        Assert.Equal("vrij moeilijk", scores.Band!.Nl);
    }

    [Fact]
    public void Flesch_reading_ease_for_English_text()
    {
        const string text = "Think before you post. Your words stay online for a long time. Ask your manager when you are not sure.";

        // 1. Think(1) be|fore(2) you(1) post(1)                                    -> 4 words,  5 syllables
        // 2. Your(1) words(1) stay(1) on|line(2) for(1) a(1) long(1) time(1)       -> 8 words,  9 syllables
        // 3. Ask(1) your(1) man|a|ger(3) when(1) you(1) are(1) not(1) sure(1)      -> 8 words, 10 syllables
        // 206.835 - 1.015 x 20/3 - 84.6 x 24/20 = 206.835 - 6.767 - 101.52 = 98.55
        var scores = ReadabilityAnalyser.Score(text, Language.En);
        Assert.Equal(new TextStatistics(20, 3, 24, 1), scores.Statistics); // one long word: manager
        Assert.InRange(scores.FleschReadingEase!.Value, 98.55 - 1, 98.55 + 1);
        Assert.Null(scores.FleschDouma);
        Assert.Null(scores.Brouwer);
        Assert.Equal("very easy", scores.Band!.En);
    }

    [Theory]
    [InlineData("Dit is zin één. Dit is zin twee.", 2)]
    [InlineData("Vraag het bijv. aan je leidinggevende. Of aan HR.", 2)]
    [InlineData("Zie art. 7:678 BW. Dat artikel gaat over ontslag.", 2)]
    [InlineData("Wat doe je? Je belt meteen! Daarna schrijf je het op.", 3)]
    [InlineData("Neem contact op met J. de Vries van Communicatie.", 1)]
    [InlineData("De site www.voorbeeld.nl is van ons. Kijk daar.", 2)]
    [InlineData("In het kort:", 1)]
    [InlineData("", 0)]
    public void Sentences_end_at_full_stops_but_not_after_abbreviations(string text, int expected)
    {
        Assert.Equal(expected, TextAnalyser.Sentences(text).Count);
    }

    [Fact]
    public void Each_list_item_and_table_cell_is_a_unit_and_the_header_row_is_left_out()
    {
        Block[] blocks =
        [
            new Paragraph([new Inline("Dit zijn de stappen:")]),
            new NumberedList([[new Inline("een gesprek;")], [new Inline("een waarschuwing.")]]),
            new Table([[[new Inline("Soort")], [new Inline("Actie")]], [[new Inline("Klacht")], [new Inline("Bedank de schrijver.")]]]),
        ];
        Assert.Equal(["Dit zijn de stappen:", "een gesprek;", "een waarschuwing.", "Klacht", "Bedank de schrijver."], BlockText.Units(blocks));
        var stats = TextAnalyser.Analyse(BlockText.Units(blocks), Language.Nl);
        Assert.Equal(5, stats.Sentences);
        Assert.Equal(4 + 2 + 2 + 1 + 3, stats.Words);
    }

    [Fact]
    public void A_number_counts_as_a_word_of_one_syllable_per_digit()
    {
        var stats = TextAnalyser.AnalyseUnit("Het geldt vanaf 2027.", Language.Nl);
        Assert.Equal(4, stats.Words);
        Assert.Equal(1 + 1 + 2 + 4, stats.Syllables);
    }

    [Theory]
    [InlineData("Bel de afdeling Communicatie (communicatie@voorbeeld.nl, 033-4621900).")]
    [InlineData("Bel de afdeling Communicatie: +31 38 760 4420, www.voorbeeld.nl.")]
    [InlineData("Bel de afdeling Communicatie (https://voorbeeld.nl/contact, (010) 123 45 67).")]
    public void Contact_details_are_not_counted_as_words(string text)
    {
        var stats = TextAnalyser.AnalyseUnit(text, Language.Nl);
        Assert.Equal(new TextStatistics(4, 1, 1 + 1 + 3 + 5, 2), stats); // Bel de af|de|ling Com|mu|ni|ca|tie
    }

    [Theory]
    [InlineData(95, "zeer gemakkelijk")]
    [InlineData(85, "gemakkelijk")]
    [InlineData(75, "vrij gemakkelijk")]
    [InlineData(65, "normaal")]
    [InlineData(50, "vrij moeilijk")]
    [InlineData(40, "moeilijk")]
    [InlineData(10, "zeer moeilijk")]
    public void Douma_bands(double score, string band)
    {
        Assert.Equal(band, Readability.DoumaBand(score).Nl);
    }

    [Theory]
    [InlineData(0, 200, 0)]
    [InlineData(1, 200, 1)]
    [InlineData(200, 200, 1)]
    [InlineData(201, 200, 2)]
    [InlineData(3000, 250, 12)]
    public void Reading_time_in_whole_minutes_rounded_up(int words, int perMinute, int minutes)
    {
        Assert.Equal(minutes, ReadabilityAnalyser.ReadingMinutes(words, perMinute));
    }
}
