using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Quality;

namespace Richtsnoer.Core.Tests.Quality;

/// <summary>
/// The patterns in content/quality/overbroad.yaml, tested on phrasings that were not used to
/// write them: other word order, other inflections, lists, the organisation's own name.
/// </summary>
public class OverbroadPatternTests
{
    private static readonly PatternSet Patterns = QualityPatterns.Default.Overbroad;
    private static readonly string[] Names = ["Bakkerij Jansen", "Jansen"];

    private static string[] Checks(string text, Language language)
    {
        var blocks = ProtocolAssembler.UserBlocks(text);
        var sentences = BlockText.Statements(blocks).SelectMany(TextAnalyser.Sentences);
        return Patterns.Match(sentences, language, Names).Select(m => m.Rule.CheckId).Distinct().ToArray();
    }

    [Theory]
    [InlineData("Het is medewerkers verboden zich in negatieve zin over de werkgever uit te laten.")]
    [InlineData("Kritiek op het bedrijf hoort niet thuis op social media.")]
    [InlineData("Negatieve uitlatingen over onze organisatie worden niet getolereerd.")]
    [InlineData("Wij verwachten dat je nooit slecht praat over je werkgever of je leidinggevende.")]
    [InlineData("Medewerkers onthouden zich van elke vorm van kritiek op de directie.")]
    [InlineData("Over de organisatie laat je je online uitsluitend positief uit.")]
    [InlineData("Je klaagt niet op internet over de gang van zaken bij Bakkerij Jansen.")]
    [InlineData("Schaad nooit de reputatie van de organisatie.")]
    [InlineData("Het plaatsen van kritische berichten over het management leidt tot een officiële waarschuwing.")]
    [InlineData("Het is niet toegestaan om:\n\n- het bedrijf af te kraken;\n- privéfoto's van klanten te plaatsen.")]
    [InlineData("Geef online nooit af op Jansen.")]
    [InlineData("Bekritiseer de leiding niet in het openbaar.")]
    [InlineData("Medewerkers brengen de werkgever niet in een kwaad daglicht.")]
    public void Dutch_bans_on_criticism_are_found(string text)
    {
        Assert.Contains(QualityChecks.OverbroadCriticism.Id, Checks(text, Language.Nl));
    }

    [Theory]
    [InlineData("Employees must never criticise the company on social media.")]
    [InlineData("Do not post anything negative about your employer.")]
    [InlineData("Disparaging remarks about the organisation are prohibited.")]
    [InlineData("Staff may only speak positively about the company online.")]
    [InlineData("You shall refrain from complaining about management in public forums.")]
    [InlineData("Never say anything that could damage our reputation.")]
    [InlineData("Don't badmouth Jansen online.")]
    [InlineData("Criticizing the organization on any platform is not allowed.")]
    [InlineData("The following is forbidden:\n\n- negative comments about the employer;\n- sharing client data.")]
    public void English_bans_on_criticism_are_found(string text)
    {
        Assert.Contains(QualityChecks.OverbroadCriticism.Id, Checks(text, Language.En));
    }

    [Theory]
    [InlineData("Je bespreekt je salaris niet met collega's of op social media.")]
    [InlineData("Informatie over lonen en bonussen is strikt vertrouwelijk.")]
    [InlineData("Het is verboden om op internet te posten over de werkdruk.")]
    [InlineData("Praat niet met de pers of online over cao-onderhandelingen.")]
    [InlineData("Je arbeidsvoorwaarden deel je nooit met anderen.")]
    [InlineData("Over het rooster en overwerk zeg je online niets.")]
    [InlineData("Over je salaris praat je met niemand.")]
    public void Dutch_bans_on_discussing_working_conditions_are_found(string text)
    {
        Assert.Contains(QualityChecks.OverbroadConditions.Id, Checks(text, Language.Nl));
    }

    [Theory]
    [InlineData("Employees may not discuss their salary or bonus with anyone.")]
    [InlineData("Working conditions at the company must not be discussed on social media.")]
    [InlineData("Wages and benefits are confidential.")]
    [InlineData("Never post about union matters.")]
    [InlineData("You should not share your pay slip or mention your workload online.")]
    [InlineData("Your bonus is something you discuss with nobody.")]
    public void English_bans_on_discussing_working_conditions_are_found(string text)
    {
        Assert.Contains(QualityChecks.OverbroadConditions.Id, Checks(text, Language.En));
    }

    [Theory]
    [InlineData("Kritiek op de organisatie is welkom; bespreek die bij voorkeur eerst met je leidinggevende.")]
    [InlineData("Je mag kritiek hebben op de organisatie, maar blijf respectvol.")]
    [InlineData("Beledig of bedreig nooit collega's of de werkgever.")]
    [InlineData("Plaats geen negatieve berichten over klanten zonder hun toestemming.")]
    [InlineData("Deel nooit vertrouwelijke informatie over de organisatie.")]
    [InlineData("Deel geen salarisgegevens van collega's.")]
    [InlineData("Gebruik tijdens werktijd geen social media.")]
    [InlineData("Dit betekent niet dat je geen kritiek mag hebben op de organisatie.")]
    [InlineData("Uit geen kritiek namens de organisatie als je daar geen woordvoerder voor bent.")]
    [InlineData("We vinden het fijn als je positief over de organisatie vertelt, maar dat hoeft niet.")]
    [InlineData("Verspreid geen onjuiste informatie over de werkgever.")]
    public void Dutch_rules_that_are_narrow_enough_are_not_flagged(string text)
    {
        Assert.Empty(Checks(text, Language.Nl));
    }

    [Theory]
    [InlineData("Post no confidential client information about the company.")]
    [InlineData("Do not share colleagues' salaries.")]
    [InlineData("We welcome criticism of the company, as long as it is respectful.")]
    [InlineData("You are free to talk about your pay and working conditions.")]
    [InlineData("Never insult or threaten your employer online.")]
    [InlineData("We hope you will speak positively about the company.")]
    [InlineData("Do not post during working hours.")]
    [InlineData("Pay attention: do not post on behalf of the company.")]
    public void English_rules_that_are_narrow_enough_are_not_flagged(string text)
    {
        Assert.Empty(Checks(text, Language.En));
    }

    public static TheoryData<string, string> LibraryAnswers() => new()
    {
        { "minimal", TestData.Minimal },
        {
            "everything", TestData.Minimal.Replace("works_council: false", "works_council: true") + """

                org_short_names: [Testbedrijf]
                languages: [nl, en]
                roles: [customer_service, communication, marketing, recruitment, sales]
                monitoring: other
                monitoring_purpose: {nl: om vragen en klachten snel te beantwoorden, en: to answer questions and complaints quickly}
                monitoring_means: {nl: een zoekdienst, en: a search service}
                monitoring_retention: {nl: drie maanden, en: three months}
                monitoring_access: {nl: de afdeling HR, en: the HR department}
                cao_regulates: true
                cao_name: cao Testsector
                cao_article: {nl: artikel 4.1, en: article 4.1}
                employee_count: 120
                sanctions: case_by_case
                company_channels: true
                confidential_matters: [{nl: klantgegevens, en: customer data}]
                relations: [Leverancier B.V.]
                competitors: [Concurrent B.V.]
                """
        },
        { "zorg", TestData.Minimal.Replace("sector: anders", "sector: zorg") },
        { "onderwijs", TestData.Minimal.Replace("sector: anders", "sector: onderwijs") },
        { "overheid", TestData.Minimal.Replace("sector: anders", "sector: overheid") + "\nworking_hours: none" },
    };

    /// <summary>
    /// Library sentences that the patterns flag and that were reported to the content author.
    /// Each is a real ambiguity, not a false alarm: remove the entry when the text is changed.
    /// </summary>
    private static readonly Dictionary<string, string> Reported = new()
    {
    };

    /// <summary>The library's own clauses are the model text: none of them may look overbroad.</summary>
    [Theory]
    [MemberData(nameof(LibraryAnswers))]
    public void No_library_clause_matches_a_pattern(string name, string yaml)
    {
        var answers = TestData.Answers(yaml);
        var names = new[] { "Testbedrijf B.V.", "Testbedrijf" };
        var problems = new List<string>();
        foreach (var language in new[] { Language.Nl, Language.En })
        {
            var doc = ProtocolAssembler.Assemble(TestData.Library, answers, new AssemblyOptions(language));
            foreach (var clause in doc.AllClauses.Where(c => !Reported.ContainsKey(c.Id)))
            {
                var sentences = new[] { clause.Title }.Concat(BlockText.Statements(clause.Blocks).SelectMany(TextAnalyser.Sentences));
                problems.AddRange(Patterns.Match(sentences, language, names).Select(h =>
                    $"{name}/{language.Code()}: clause {clause.Id} matches {h.Rule.Id}: \"{h.Sentence}\" ({string.Join(", ", h.Evidence.Select(e => $"{e.Key}={e.Value}"))})"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_pattern_files_load_and_every_rule_uses_groups_that_exist_in_both_languages()
    {
        var patterns = QualityPatterns.Load(TestData.Library.RootDirectory);
        Assert.Equal([Language.Nl, Language.En], patterns.Overbroad.Groups.Keys.Order());
        Assert.Equal(patterns.Overbroad.Rules.Count, patterns.Overbroad.Rules.Select(r => r.Id).Distinct().Count());
        Assert.All(patterns.Overbroad.Rules, r => Assert.NotNull(QualityChecks.Find(r.CheckId)));
        Assert.Contains(patterns.Overbroad.Rules, r => r.CheckId == QualityChecks.OverbroadCriticism.Id);
        Assert.Contains(patterns.Overbroad.Rules, r => r.CheckId == QualityChecks.OverbroadConditions.Id);
        foreach (var language in new[] { Language.Nl, Language.En })
        {
            Assert.Equal(patterns.Overbroad.Groups[Language.Nl].Keys.Order(), patterns.Overbroad.Groups[language].Keys.Order());
            Assert.Equal(["announcement", "dpia", "proportionality", "purpose"], patterns.Monitoring.Groups[language].Keys.Order());
        }
    }

    [Theory]
    [InlineData("public_mentions", "nl")]
    [InlineData("public_mentions", "en")]
    [InlineData("other", "nl")]
    [InlineData("other", "en")]
    public void The_library_monitoring_clauses_name_purpose_limits_and_notice(string regime, string code)
    {
        LanguageExtensions.TryParse(code, out var language);
        var answers = TestData.Answers(TestData.Minimal + $"\nmonitoring: {regime}\nmonitoring_purpose: {{nl: om vragen snel te beantwoorden, en: to answer questions quickly}}" + TestData.MonitoringNotice);
        var doc = ProtocolAssembler.Assemble(TestData.Library, answers, new AssemblyOptions(language));
        var clause = doc.AllClauses.Single(c => c.Id == "monitoring-" + regime.Replace('_', '-'));
        var text = string.Join("\n", BlockText.Units(clause.Blocks));
        foreach (var group in new[] { "purpose", "proportionality", "announcement" })
        {
            Assert.True(QualityPatterns.Default.Monitoring.Mentions(text, language, group), $"{clause.Id} ({code}) does not mention {group}");
        }
    }

    [Fact]
    public void A_broken_pattern_file_is_reported_with_file_and_line()
    {
        const string yaml = """
            groups:
              nl:
                prohibition: [niet]
            rules:
              - id: a
                check: overbroad-criticism
                all: [prohibition, unknown]
              - id: a
                check: overbroad-criticism
                all: [prohibition]
            """;
        var e = Assert.Throws<ContentException>(() => PatternSet.Parse(yaml, "quality/test.yaml"));
        Assert.Contains(e.Errors, x => x.Message.Contains("'unknown'") && x.Line == 5);
        Assert.Contains(e.Errors, x => x.Message.Contains("used twice"));
        Assert.Contains(e.Errors, x => x.Message.Contains("no groups for language 'en'"));
        Assert.All(e.Errors, x => Assert.Equal("quality/test.yaml", x.File));
    }

    [Theory]
    [InlineData("kritie*", "kritieken", true)]
    [InlineData("kritie*", "zelfkritiek", false)]
    [InlineData("*salaris", "jaarsalaris", true)]
    [InlineData("*geheim*", "bedrijfsgeheimen", true)]
    [InlineData("cliënt", "client", true)]
    [InlineData("niet", "niets", false)]
    public void Wildcards_and_accents(string pattern, string word, bool matches)
    {
        Assert.Equal(matches, WordPattern.Parse(pattern).Matches(PatternSet.Fold(word)));
    }
}
