using Richtsnoer.Core.Answers;
using Richtsnoer.Core.EmployeeTools;

namespace Richtsnoer.Core.Tests.EmployeeTools;

public class DisclaimerGeneratorTests
{
    private static AnswerSet Effective(string example) => AnswerDefaults.Apply(TestData.Example(example), TestData.Library);

    [Theory]
    [InlineData(Language.Nl)]
    [InlineData(Language.En)]
    public void Fills_name_year_and_organisation(Language language)
    {
        var r = DisclaimerGenerator.ForOrganisation(TestData.Library, Effective("zorg"), language, "Sanne de Vries", 2027);
        Assert.True(r.Ok);
        Assert.Contains("© 2027 Sanne de Vries", r.Disclaimer);
        Assert.Contains("Stichting Zorggroep Lindehof", r.Disclaimer);
        Assert.StartsWith("Sanne de Vries", r.Bio);
        Assert.True(r.BioLength <= DisclaimerGenerator.MaxBioLength);
    }

    [Fact]
    public void Same_text_as_the_appendix_template()
    {
        var r = DisclaimerGenerator.Generate(TestData.Library.Disclaimer, Language.Nl, "Jan", 2026, "Acme");
        var template = TestData.Library.Disclaimer.Bio.Nl.Replace("{{name}}", "Jan").Replace("{{org_name}}", "Acme");
        Assert.Equal(template, r.Bio);
    }

    [Fact]
    public void A_bio_over_160_characters_is_refused_with_the_length()
    {
        var r = DisclaimerGenerator.Generate(TestData.Library.Disclaimer, Language.Nl, new string('n', 90), 2026, new string('o', 80));
        Assert.False(r.Ok);
        Assert.Null(r.Bio);
        Assert.True(r.BioLength > 160);
        Assert.Contains("160", r.Problems[0].Nl);
    }

    [Fact]
    public void A_long_organisation_name_falls_back_to_the_short_name()
    {
        var answers = Effective("ict")
            .With("org_name", new TextAnswer("Datastroom Software en Dienstverlening voor Woningcorporaties en Zorgorganisaties in Noord-Nederland B.V."));
        var r = DisclaimerGenerator.ForOrganisation(TestData.Library, answers, Language.Nl, "Jeroen Hoekstra-van den Berg", 2027);
        Assert.True(r.Ok, string.Join("; ", r.Problems.Select(p => p.En)));
        Assert.Contains("Datastroom", r.Bio);
        Assert.DoesNotContain("Noord-Nederland", r.Bio);
    }

    [Theory]
    [InlineData("", 2026)]
    [InlineData("   ", 2026)]
    [InlineData("Jan\nJansen", 2026)]
    [InlineData("{{org_name}}", 2026)]
    [InlineData("Jan", 1492)]
    public void Bad_input_gives_a_clear_problem(string name, int year)
    {
        var r = DisclaimerGenerator.Generate(TestData.Library.Disclaimer, Language.En, name, year, "Acme");
        Assert.False(r.Ok);
        Assert.NotEmpty(r.Problems[0].En);
    }

    [Fact]
    public void Without_a_year_the_fill_in_label_shows()
    {
        var r = DisclaimerGenerator.Generate(TestData.Library.Disclaimer, Language.Nl, "Jan", null, "Acme");
        Assert.Contains("[jaartal]", r.Disclaimer);
    }
}
