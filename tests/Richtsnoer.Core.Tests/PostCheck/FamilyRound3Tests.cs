using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Core.Tests.PostCheck;

/// <summary>
/// Whole families behind the misses of held-out round 3, in variants that are in no corpus:
/// health context in a neighbouring sentence, personal-title statements split by other words,
/// "back to their own country" with any verb and pronoun, confidential matters matched on their
/// stem and synonyms, meeting words as compound heads.
/// </summary>
public class FamilyRound3Tests
{
    private static bool Has(string text, CheckCategory category, string org = "ict") => PostCheckFixture.Check(text, org).Has(category);

    [Theory]
    [InlineData("Kanker. Wat een slopende spierziekte was dat ook al niet.")]
    [InlineData("Het woord kanker. Niemand wil het horen. Sterkte aan alle families.")]
    [InlineData("Kanker! Mijn vader is er vorige maand aan geopereerd.")]
    public void Disease_with_health_words_nearby_is_not_abusive(string text) => Assert.False(Has(text, CheckCategory.Abusive, "zorg"), text);

    [Theory]
    [InlineData("Kankerzooi hier op kantoor vandaag.")]
    [InlineData("Wat een tyfusweer, ik blijf binnen.")]
    public void Curses_without_health_words_stay_abusive(string text) => Assert.True(Has(text, CheckCategory.Abusive, "zorg"), text);

    [Theory]
    [InlineData("Datastroom verhuist. Mijn standpunt? Prima, maar niet dat van het bedrijf hoor.")]
    [InlineData("Wat ik van Datastroom vind is mijn mening, dus niet die van de directie.")]
    [InlineData("Datastroom could do better. My take, obviously not my employer's.")]
    [InlineData("Over Datastroom denk ik er zo over; niet namens de zaak natuurlijk.")]
    public void Split_personal_title_statements_are_recognised(string text) => Assert.False(Has(text, CheckCategory.Employer), text);

    [Theory]
    [InlineData("Datastroom is niet van plan te verhuizen.")]
    [InlineData("Mijn mening: Datastroom is de beste werkgever.")]
    public void A_cue_or_a_negation_alone_is_no_personal_title(string text) => Assert.True(Has(text, CheckCategory.Employer), text);

    [Theory]
    [InlineData("Die lui moeten we terugsturen naar hun eigen land.")]
    [InlineData("Stuur ze maar terug, oprotten naar hun land.")]
    [InlineData("Ze horen uitgezet te worden, uitzetten naar hun eigen land.")]
    [InlineData("Hij moet teruggestuurd naar zijn eigen land.")]
    [InlineData("They should go back to their own country.")]
    [InlineData("Dat zijn echt mongolen daar op de derde verdieping.")]
    [InlineData("Stelletje mongolen bij de helpdesk.")]
    public void Discrimination_families_are_abusive(string text) => Assert.True(Has(text, CheckCategory.Abusive), text);

    [Theory]
    [InlineData("De Mongolen trokken in de dertiende eeuw naar het westen.")]
    [InlineData("Na tien jaar hier gaat ze terug naar haar geboorteplaats.")]
    public void Near_misses_are_not_discrimination(string text) => Assert.False(Has(text, CheckCategory.Abusive), text);

    [Theory]
    [InlineData("De receptuur van ons speltbrood is aangepast.", "bakkerij")]
    [InlineData("Ons receptenboek ligt gewoon in de bakkerij.", "bakkerij")]
    [InlineData("De prijsafspraken met leveranciers zijn rond.", "bakkerij")]
    [InlineData("Onze inkooptarieven bij de molen zijn omhoog.", "bakkerij")]
    [InlineData("Er zit een kwetsbaarheid in de beveiliging van de app.", "ict")]
    [InlineData("Weer een beveiligingsgat gevonden in de login.", "ict")]
    public void Derived_forms_and_synonyms_of_matters_are_confidential(string text, string org) =>
        Assert.True(Has(text, CheckCategory.Confidential, org), text);

    [Theory]
    [InlineData("Bij ons op de receptie staat een nieuwe koffieautomaat.", "bakkerij")]
    [InlineData("Thuis mijn oude receptenschrift van oma gevonden.", "bakkerij")]
    [InlineData("Onze nieuwe beveiliging bij de voordeur werkt prima.", "ict")]
    public void Look_alikes_of_matters_are_not_confidential(string text, string org) =>
        Assert.False(Has(text, CheckCategory.Confidential, org), text);

    [Theory]
    [InlineData("In de kwartaalbespreking werd gezegd dat er banen weg gaan.")]
    [InlineData("Tijdens de strategiesessie vertelde de CEO over de overname.")]
    [InlineData("In de klantcall zei hij dat we te duur zijn.")]
    [InlineData("Op de personeelsbijeenkomst werd bekend dat de kantine dicht gaat.")]
    public void Meeting_words_as_compound_heads_are_conversation(string text) => Assert.True(Has(text, CheckCategory.Conversation), text);

    [Theory]
    [InlineData("Morgen de hele dag werkbespreking, eerst koffie.")]
    [InlineData("Leuke fotosessie gehad in het park.")]
    public void Meetings_mentioned_but_not_reported_are_fine(string text) => Assert.False(Has(text, CheckCategory.Conversation), text);
}
