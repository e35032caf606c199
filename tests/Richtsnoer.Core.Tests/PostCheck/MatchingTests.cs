using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Core.Tests.PostCheck;

/// <summary>Word boundaries, compounds, medical use and innocent words.</summary>
public class MatchingTests
{
    private static bool Abusive(string text) => PostCheckFixture.Check(text).Has(CheckCategory.Abusive);

    [Theory]
    [InlineData("Wat een kankerlijer.")]
    [InlineData("Teringzooi hier.")]
    [InlineData("Kanker-weer vandaag.")]
    [InlineData("#KankerWeer")]
    [InlineData("Wat een kanker dag.")]
    [InlineData("Kanker!")]
    [InlineData("Krijg de tyfus.")]
    [InlineData("Die klootzakken ook.")]
    [InlineData("Pokkeherrie bij de buren.")]
    [InlineData("Wat een tyfuslijers.")]
    [InlineData("Kutzooi.")]
    [InlineData("Fucking hell.")]
    [InlineData("motherfucker")]
    [InlineData("Ik sla je kop in.")]
    [InlineData("Ik trap z'n kop in.")]
    [InlineData("Als ik hem zie, maak ik hem af.")]
    public void Compounds_and_inflections_are_abusive(string text) => Assert.True(Abusive(text), text);

    [Theory]
    [InlineData("Mijn moeder heeft kanker.")]
    [InlineData("Ze is overleden aan kanker.")]
    [InlineData("Samen tegen kanker!")]
    [InlineData("Kankeronderzoek verdient meer geld.")]
    [InlineData("Kankerpatiënten verdienen goede zorg.")]
    [InlineData("Roken is kankerverwekkend.")]
    [InlineData("Kanker is een ziekte die iedereen kan treffen.")]
    [InlineData("Kanker onderzoek is belangrijk.")]
    [InlineData("De diagnose was kanker. Ze start volgende week met chemo.")]
    [InlineData("Tyfusvaccinatie voor de reis naar Azië.")]
    [InlineData("Borstkanker wordt steeds vaker vroeg ontdekt.")]
    public void Medical_use_is_not_abusive(string text) => Assert.False(Abusive(text), text);

    [Theory]
    [InlineData("Hoera, vakantie!")]
    [InlineData("Ik negeer het gewoon.")]
    [InlineData("We negeren de ruis.")]
    [InlineData("Scunthorpe is een stad.")]
    [InlineData("Het assessment was pittig.")]
    [InlineData("Cocktails in Essex.")]
    [InlineData("Mijn opa sukkelt met zijn knie.")]
    [InlineData("Het is een beetje lullig.")]
    [InlineData("Kluts kwijt.")]
    [InlineData("Dickens schreef mooie boeken.")]
    [InlineData("Can you shoot me an email?")]
    [InlineData("Kill them with kindness.")]
    [InlineData("Class of 2027.")]
    [InlineData("Spicy food is great.")]
    [InlineData("De vertering van voedsel.")]
    [InlineData("Ik kijk naar de Mongolen in de documentaire.")]
    [InlineData("Een ketting van Kutaisi.")]
    [InlineData("Mijn hond heet Lul... nee hoor, Lulu.")]
    public void Innocent_words_that_contain_a_bad_word_are_fine(string text)
    {
        var result = PostCheckFixture.Check(text);
        if (text.StartsWith("Mijn hond heet Lul", StringComparison.Ordinal))
        {
            // "Lul" on its own is an insult; "Lulu" is not: only the first is flagged.
            var f = Assert.Single(result.Findings);
            Assert.Equal("Lul", text.Substring(f.Start, f.Length));
            return;
        }

        Assert.False(result.Has(CheckCategory.Abusive), PostCheckFixture.Describe(result, text));
    }

    [Fact]
    public void Compound_span_covers_the_whole_word()
    {
        const string text = "Wat een k4nk3rlijer zeg";
        var f = Assert.Single(PostCheckFixture.Check(text).Findings);
        Assert.Equal("k4nk3rlijer", text.Substring(f.Start, f.Length));
    }

    [Fact]
    public void Short_capital_terms_match_only_in_capitals()
    {
        Assert.True(PostCheckFixture.Check("Volgens het MT zei de baas iets anders.").Has(CheckCategory.Conversation));
        Assert.False(PostCheckFixture.Check("Ik heb 10 mt stof gekocht, zei de verkoper.").Has(CheckCategory.Conversation));
    }

    [Theory]
    [InlineData("Trots op #WerkenBijDatastroom")]
    [InlineData("Trots op #datastroom")]
    [InlineData("Dank @datastroom!")]
    [InlineData("DATASTROOM is top")]
    [InlineData("Datastroom-collega's zijn top")]
    [InlineData("Datastroom's team")]
    [InlineData("Datastroom Software BV is 10")]
    public void The_organisation_is_found_in_any_form(string text) =>
        Assert.True(PostCheckFixture.Check(text).Has(CheckCategory.Employer), text);

    [Theory]
    [InlineData("Datastroom is top. Dit is mijn eigen mening.")]
    [InlineData("Datastroom is top #eigenmening")]
    [InlineData("Datastroom rocks (views are my own)")]
    [InlineData("Namens Datastroom, als woordvoerder: sorry voor de storing.")]
    public void Saying_in_which_capacity_removes_the_employer_finding(string text) =>
        Assert.False(PostCheckFixture.Check(text).Has(CheckCategory.Employer), text);

    [Fact]
    public void On_behalf_without_a_role_asks_for_the_role()
    {
        var f = Assert.Single(PostCheckFixture.Check("Namens Datastroom: bedankt!").Findings);
        Assert.Equal("function", f.Kind);
    }

    [Fact]
    public void Health_needs_a_named_person()
    {
        Assert.False(PostCheckFixture.Check("Ik ben ziek vandaag.").Has(CheckCategory.PersonalData));
        Assert.False(PostCheckFixture.Check("Mijn collega is ziek.").Has(CheckCategory.PersonalData));
        Assert.True(PostCheckFixture.Check("Collega Jan is ziek.").Has(CheckCategory.PersonalData));
        Assert.True(PostCheckFixture.Check("Sanne heeft griep.").Has(CheckCategory.PersonalData));
        Assert.True(PostCheckFixture.Check("@piet_k ligt in het ziekenhuis").Has(CheckCategory.PersonalData));
    }

    [Fact]
    public void Conversation_markers_need_a_report_unless_they_are_a_screenshot()
    {
        Assert.False(PostCheckFixture.Check("Morgen teamoverleg, wie neemt taart mee?").Has(CheckCategory.Conversation));
        Assert.True(PostCheckFixture.Check("In het teamoverleg werd besloten dat we verhuizen.").Has(CheckCategory.Conversation));
        Assert.True(PostCheckFixture.Check("In het teamoverleg: \"we verhuizen\"").Has(CheckCategory.Conversation));
        Assert.True(PostCheckFixture.Check("Screenshot van de groepsapp").Has(CheckCategory.Conversation));
    }

    [Fact]
    public void Verdict_is_the_most_severe_finding()
    {
        Assert.Equal(Verdict.Green, PostCheckFixture.Check("Mooie dag.").Verdict);
        Assert.Equal(Verdict.Orange, PostCheckFixture.Check("Codekracht heeft een storing.").Verdict);
        Assert.Equal(Verdict.Red, PostCheckFixture.Check("Codekracht zijn idioten.").Verdict);
    }

    [Fact]
    public void Findings_name_the_clause_and_whom_to_ask()
    {
        var f = Assert.Single(PostCheckFixture.Check("Codekracht heeft een storing.").Findings);
        Assert.NotNull(f.Clause);
        Assert.Matches(@"^\d+\.\d+$", f.Clause!.Number);
        Assert.Contains("Jeroen Hoekstra", f.AskWhom);
        Assert.Contains("Codekracht", f.Message);
    }

    [Fact]
    public void English_messages_with_the_english_protocol()
    {
        var f = Assert.Single(PostCheckFixture.Check("Codekracht has an outage.", "ict", Language.En).Findings);
        Assert.Contains("competitor", f.Message);
        Assert.Contains("Ask", f.Ask);
    }
}
