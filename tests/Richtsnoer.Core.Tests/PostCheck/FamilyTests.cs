using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Core.Tests.PostCheck;

/// <summary>
/// Whole families behind the misses of held-out round 2, not the missed sentences themselves:
/// every form of the Dutch disease curse, an ambiguous '@', personal-title wordings and
/// confidential matters that are everyday words.
/// </summary>
public class FamilyTests
{
    private static bool Has(string text, CheckCategory category, string org = "ict") => PostCheckFixture.Check(text, org).Has(category);

    [Theory]
    [InlineData("Krijg toch de pest, jij.")]
    [InlineData("Ze kunnen allemaal de kolere krijgen.")]
    [InlineData("Die gast mag van mij de klere krijgen.")]
    [InlineData("Dat hele bestuur kan de pokken krijgen.")]
    [InlineData("Krijg allemaal de tyfus!")]
    [InlineData("Hij krijgt de tering, die sukkel.")]
    [InlineData("Tering op met je reclame.")]
    [InlineData("Pleur toch op.")]
    [InlineData("Hou je bek.")]
    [InlineData("Je krijgt een klap op je bek.")]
    [InlineData("Nog één keer en je krijgt een dreun voor je kop.")]
    [InlineData("Ik sla hem op zijn bek.")]
    [InlineData("Wat een tiefusweer.")]
    [InlineData("F@ck it.")]
    [InlineData("Wat een k@nkerdag.")]
    [InlineData("Sh!t happens.")]
    [InlineData("Kl@tezooi.")]
    public void Curse_families_are_abusive(string text) => Assert.True(Has(text, CheckCategory.Abusive), text);

    [Theory]
    [InlineData("Mijn tante kreeg kanker op jonge leeftijd; de behandeling sloeg aan.")]
    [InlineData("Ik ben vanmorgen op mijn bek gegaan op het ijs.")]
    [InlineData("Hou je kop erbij tijdens het examen!")]
    [InlineData("Hoeveel mensen krijgen kanker door roken?")]
    [InlineData("Mail me op jan@example.org voor de foto's.")]
    public void Near_misses_are_not_abusive(string text) => Assert.False(Has(text, CheckCategory.Abusive), text);

    [Theory]
    [InlineData("Mijn mening, niet die van Datastroom: de cao kan beter.")]
    [InlineData("Datastroom doet het goed, maar dit zijn mijn woorden en niet die van mijn werkgever.")]
    [InlineData("Over Datastroom: standpunten zijn van mij.")]
    [InlineData("Views mine, not those of Datastroom.")]
    [InlineData("Datastroom is hiring. Opinions expressed here are mine.")]
    [InlineData("Ik spreek hier alleen voor mezelf, niet namens Datastroom.")]
    [InlineData("Datastroom heeft een nieuw kantoor (persoonlijk account).")]
    public void Personal_title_wordings_are_recognised(string text) => Assert.False(Has(text, CheckCategory.Employer), text);

    [Fact]
    public void The_organisation_without_a_personal_title_is_still_employer() =>
        Assert.True(Has("Datastroom heeft de mening van de klant niet gevraagd.", CheckCategory.Employer));

    [Theory]
    [InlineData("Het recept van oma voor appeltaart, eindelijk gevonden!")]
    [InlineData("Thuis een nieuw recept uitgeprobeerd: bananenbrood.")]
    [InlineData("Mijn werkwijze bij het klussen: eerst meten, dan zagen.")]
    public void Everyday_words_in_private_life_are_not_confidential(string text) =>
        Assert.False(Has(text, CheckCategory.Confidential, "bakkerij"), text);

    [Theory]
    [InlineData("Dit is ons recept voor de kerststol, 1 kilo meel en...")]
    [InlineData("De recepten van De Gouden Korst zijn eigenlijk heel simpel.")]
    [InlineData("Zo gaat het bij ons: de werkwijze bij het deeg is...")]
    public void Everyday_words_about_the_organisation_are_confidential(string text) =>
        Assert.True(Has(text, CheckCategory.Confidential, "bakkerij"), text);

    [Theory]
    [InlineData("Net de overdracht voor een cliënt geschreven: ze is thuis gevallen en slaapt slecht.")]
    [InlineData("Lang gezeten op de zorgdossiers van mijn cliënten, veel eenzaamheid thuis.")]
    [InlineData("Drie overdrachten geschreven voor cliënten die nog thuis wonen.")]
    public void A_private_word_about_the_people_served_does_not_make_a_matter_private(string text) =>
        Assert.True(Has(text, CheckCategory.Confidential, "zorg"), text);

    [Theory]
    [InlineData("Thuis een overdracht voor de oppas geschreven: de kinderen slapen om acht uur.")]
    [InlineData("Mijn eigen dossier bij de huisarts opgevraagd, thuis rustig gelezen.")]
    public void A_private_word_without_the_people_served_keeps_a_matter_private(string text) =>
        Assert.False(Has(text, CheckCategory.Confidential, "zorg"), text);
}
