using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Core.Tests.PostCheck;

/// <summary>
/// Families behind the misses of the second evaluation set (written blind), with examples of our
/// own: names that are ordinary words written as words, a surname with "van", "namens" with a
/// role the lists do not know, and a curse stem inside an ordinary word.
/// </summary>
public class FamilyRound5Tests
{
    private static PostCheckResult Check(string text, string org = "ict") => PostCheckFixture.Check(text, org);

    [Theory]
    [InlineData("Na een week van der wal naar wal zeilen ben ik kapot.")]
    [InlineData("Een zwaluw systemen bouwen is nog niet zo makkelijk, zegt mijn zoon.")]
    public void A_name_of_common_words_in_lower_case_is_those_words(string text) =>
        Assert.False(Check(text).Has(CheckCategory.Relation) || Check(text).Has(CheckCategory.Competitor), PostCheckFixture.Describe(Check(text), text));

    [Theory]
    [InlineData("Ik werk bij datastroom en het is weer druk.")]
    [InlineData("Hoorde dat codekracht software weer mensen zoekt.")]
    public void A_name_that_is_not_a_common_word_counts_in_lower_case_too(string text) =>
        Assert.NotEqual(Verdict.Green, Check(text).Verdict);

    [Fact]
    public void A_name_with_van_after_a_first_name_is_a_surname() =>
        Assert.False(Check("Gefeliciteerd Pieter van der Wal met je vijftigste!").Has(CheckCategory.Relation));

    [Fact]
    public void The_name_with_van_on_its_own_is_still_the_relation() =>
        Assert.True(Check("Vandaag weer voor Van der Wal aan de slag.").Has(CheckCategory.Relation));

    [Theory]
    [InlineData("Namens Datastroom, als scrum master: dank aan iedereen die meedacht.")]
    [InlineData("Namens Datastroom en als teamcoach wil ik iedereen bedanken.")]
    [InlineData("On behalf of Datastroom, as a solutions architect: thank you all.")]
    public void On_behalf_with_any_role_is_not_undisclosed(string text) =>
        Assert.False(Check(text).Has(CheckCategory.Employer), PostCheckFixture.Describe(Check(text), text));

    [Fact]
    public void On_behalf_without_a_role_still_needs_one() =>
        Assert.True(Check("Namens Datastroom: dank aan iedereen die meedacht.").Has(CheckCategory.Employer));

    [Theory]
    [InlineData("Mijn kleren liggen nog in de wasmachine.")]
    [InlineData("De klerenkast van mijn dochter puilt uit.")]
    public void Clothes_are_not_a_curse(string text) => Assert.False(Check(text).Has(CheckCategory.Abusive), text);

    [Fact]
    public void The_curse_stays_a_curse() => Assert.True(Check("Wat een klereweer vandaag.").Has(CheckCategory.Abusive));

    [Theory]
    [InlineData("Als je nog één keer aan mijn auto zit, steek ik je neer.")]
    [InlineData("Als die monteur nog een keer mijn gereedschap leent, ligt ie ernaast.")]
    [InlineData("Als jij nog eens over mijn moeder begint, dan zie ik je buiten.")]
    [InlineData("If you touch my desk one more time you'll need an ambulance.")]
    [InlineData("Als hij nog één keer zo tegen mijn collega praat, breek ik iets.")]
    [InlineData("Kl*tzak, blijf van mijn spullen af.")]
    [InlineData("What a bunch of a**holes.")]
    public void Threats_as_an_ultimatum_and_masked_curses_are_abusive(string text) =>
        Assert.True(Check(text).Has(CheckCategory.Abusive), PostCheckFixture.Describe(Check(text), text));

    [Theory]
    [InlineData("Als je nog één keer zo'n lekkere taart bakt, kom ik langs!")]
    [InlineData("Als de printer nog een keer vastloopt, bel ik de helpdesk.")]
    [InlineData("If you ask me one more time, the answer is still yes.")]
    [InlineData("Als je nog één keer naar buiten gaat, neem een jas mee.")]
    [InlineData("Stel je voor dat je nog één keer die wedstrijd mag spelen.")]
    public void An_ultimatum_without_harm_is_not_a_threat(string text) =>
        Assert.False(Check(text).Has(CheckCategory.Abusive), PostCheckFixture.Describe(Check(text), text));

    [Fact]
    public void The_dictionary_knows_common_words_and_not_company_names()
    {
        var words = Richtsnoer.Core.PostCheck.Pipeline.ContextLexicon.Default;
        Assert.True(words.DictionaryWords.Count > 100_000);
        Assert.True(words.IsCommonWord("domein"));
        Assert.True(words.IsCommonWord("zeespiegels"));
        Assert.False(words.IsCommonWord("datastroom"));
        Assert.True(words.IsCommonWord("duinzicht", compounds: true));
        Assert.False(words.IsCommonWord("reestdal", compounds: true));
    }
}
