using Richtsnoer.Core.Answers;
using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Core.Tests.PostCheck;

/// <summary><see cref="Finding.Term"/>: the organisation's own term a finding is about, also when another word for it matched.</summary>
public class FindingTermTests
{
    private const string Answers = """
        org_name: Tuinarchitecten Groenhof B.V.
        sector: zakelijke_dienstverlening
        works_council: false
        relations: [Landgoed De Wildhoeve]
        competitors: [Hovenier Bladgoud]
        check_aliases:
          - "Landgoed De Wildhoeve = LDW"
        escalation_contact: {name: Team Kantoor, email: kantoor@groenhof.nl}
        effective_date: 2027-01-01
        """;

    private static readonly Lazy<PostChecker> Checker = new(() =>
        PostChecker.Create(CheckLexicon.Default, AnswerDefaults.Apply(TestData.Answers(Answers), TestData.Library), null, Language.Nl));

    [Theory]
    [InlineData("Vandaag weer aan het snoeien bij Landgoed De Wildhoeve.", CheckCategory.Relation, "Landgoed De Wildhoeve")]
    [InlineData("Vandaag weer aan het snoeien bij LDW.", CheckCategory.Relation, "Landgoed De Wildhoeve")]
    [InlineData("Hovenier Bladgoud heeft een nieuwe kraan.", CheckCategory.Competitor, "Hovenier Bladgoud")]
    public void A_finding_on_an_own_term_names_the_term_as_configured(string draft, CheckCategory category, string term)
    {
        var finding = Assert.Single(Checker.Value.Check(draft).Findings, f => f.Category == category);
        Assert.Equal(term, finding.Term);
    }

    [Fact]
    public void A_finding_from_the_word_lists_names_no_term() =>
        Assert.All(Checker.Value.Check("Wat een stelletje idioten, bel 06-12345678.").Findings, f => Assert.Null(f.Term));

    [Fact]
    public void A_competitor_finding_points_to_the_clause_that_names_the_competitors()
    {
        var protocol = Richtsnoer.Core.Assembly.ProtocolAssembler.Assemble(TestData.Library, TestData.Answers(Answers), new Richtsnoer.Core.Assembly.AssemblyOptions(Language.Nl, RequireFullCoverage: false));
        var checker = PostChecker.Create(CheckLexicon.Default, AnswerDefaults.Apply(TestData.Answers(Answers), TestData.Library), protocol, Language.Nl);
        var naming = protocol.AllClauses.Where(c => c.Topics.Contains(CheckCategory.Competitor.Topic())
            && Richtsnoer.Core.Quality.BlockText.Units(c.Blocks).Any(u => u.Contains("Hovenier Bladgoud", StringComparison.Ordinal))).ToList();
        var first = protocol.AllClauses.First(c => c.Topics.Contains(CheckCategory.Competitor.Topic()));

        var finding = Assert.Single(checker.Check("Hovenier Bladgoud heeft een nieuwe kraan.").Findings, f => f.Category == CheckCategory.Competitor);

        var clause = Assert.Single(naming);
        Assert.NotEqual(first.Number, clause.Number);
        Assert.Equal(clause.Number, finding.Clause!.Number);
    }

    [Fact]
    public void The_clause_index_describes_what_findings_point_to_and_knows_the_matters_in_english()
    {
        var answers = TestData.Answers(Answers);
        var effective = AnswerDefaults.Apply(answers, TestData.Library);
        var protocol = Richtsnoer.Core.Assembly.ProtocolAssembler.Assemble(TestData.Library, answers, new Richtsnoer.Core.Assembly.AssemblyOptions(Language.Nl, RequireFullCoverage: false));
        var index = ClauseIndex.Of(protocol, ClauseIndex.TermsOf(effective));

        // The same inputs, the same description (a cache of checkers keys on it) ...
        Assert.Equal(index.Describe(), ClauseIndex.Of(protocol, ClauseIndex.TermsOf(effective)).Describe());
        Assert.Contains("Hovenier Bladgoud", index.Describe());

        // ... and another one when a finding would point elsewhere: without the competitor among
        // the terms, no clause names it and a competitor finding falls back to the topic's first.
        var without = ClauseIndex.Of(protocol, ["Landgoed De Wildhoeve"]);
        Assert.NotEqual(index.Describe(), without.Describe());
        Assert.NotEqual(index.For(CheckCategory.Competitor, "Hovenier Bladgoud")!.Number, without.For(CheckCategory.Competitor, "Hovenier Bladgoud")!.Number);

        var bilingual = effective.With("confidential_matters", new ListAnswer(["de nieuwe huisstijl"], ["the new house style"]));
        Assert.Contains("the new house style", ClauseIndex.TermsOf(bilingual));
        Assert.Contains("de nieuwe huisstijl", ClauseIndex.TermsOf(bilingual));
    }
}
