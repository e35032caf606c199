using Richtsnoer.Core.Answers;
using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Core.Tests.PostCheck;

/// <summary>
/// Each rule family of the pipeline with positive and negative examples, for a printing company
/// made up for these tests (in no corpus and not in the evaluation set).
/// </summary>
public class ContextRuleTests
{
    private const string Answers = """
        org_name: Drukkerij Rijnpers B.V.
        org_short_names: [Rijnpers]
        sector: industrie_bouw
        works_council: false
        confidential_matters:
          - {nl: offertes en prijsafspraken met uitgevers, en: quotes and price agreements with publishers}
          - {nl: de verhuizing naar Lelystad, en: the move to Lelystad}
          - {nl: proefdrukken vóór verschijning, en: proofs before publication}
        relations: [Uitgeverij Zeegras, Boekhandel De Kraanvogel]
        competitors: [Printerij Oostwind]
        check_aliases:
          - "Uitgeverij Zeegras = ZGR"
          - "de verhuizing naar Lelystad = nieuwe hal"
        escalation_contact: {name: Petra Smit, name_en: Petra Smit, email: p.smit@rijnpers.nl, phone: 0318-123456}
        effective_date: 2027-01-01
        """;

    private static readonly Lazy<PostChecker> Checker = new(() =>
    {
        var answers = TestData.Answers(Answers);
        return PostChecker.Create(CheckLexicon.Default, AnswerDefaults.Apply(answers, TestData.Library), null, Language.Nl);
    });

    private static IReadOnlySet<CheckCategory> Found(string text) => Checker.Value.Check(text).CategoriesFound;

    [Theory]
    [InlineData("Gisteren een mooie klus voor Zeegras afgerond.", CheckCategory.Relation)]
    [InlineData("Ik zat vanmiddag bij De Kraanvogel in de leesclub.", CheckCategory.Relation)]
    [InlineData("Oostwind heeft een nieuwe drukpers gekocht.", CheckCategory.Competitor)]
    [InlineData("ZGR belde net over de nieuwe oplage.", CheckCategory.Relation)]
    [InlineData("Rijnpers zoekt een drukker voor de nachtploeg.", CheckCategory.Employer)]
    public void A_distinctive_part_or_alias_stands_for_the_name(string text, CheckCategory category) =>
        Assert.Contains(category, Found(text));

    [Theory]
    [InlineData("Het zeegras op het strand van Texel is prachtig.")]
    [InlineData("Een kraanvogel vloog vanochtend over de weilanden.")]
    [InlineData("Er staat een harde oostwind vandaag.")]
    [InlineData("De Oostwind-regatta was weer gezellig.")]
    [InlineData("Opa Rijnpers wordt vandaag tachtig!")]
    [InlineData("Ik woon al jaren in Zeegras, een dorpje aan zee.")]
    public void An_ordinary_word_a_place_or_a_surname_is_not_the_name(string text) =>
        Assert.Empty(Found(text));

    [Theory]
    [InlineData("We hebben de offerte voor Zeegras net verstuurd: 8.400 euro.")]
    [InlineData("Onze prijsafspraakjes met uitgevers zijn echt scherp dit jaar.")]
    [InlineData("Nieuwe hal in Lelystad bekeken. De verhuizing wordt spannend!")]
    [InlineData("De proefdrukjes van volgende week zien er strak uit.")]
    [InlineData("De nieuwe hal is bijna klaar, maar dat mag nog niemand weten.")]
    public void A_confidential_matter_is_found_in_other_forms(string text) =>
        Assert.Contains(CheckCategory.Confidential, Found(text));

    [Theory]
    [InlineData("Wat is een offerte precies? Handig om te weten voor starters.")]
    [InlineData("Ik vraag een offerte aan voor mijn eigen dakkapel.")]
    [InlineData("De verhuizing van mijn zus was zwaar, drie trappen op.")]
    [InlineData("Proefdrukken maken is een vak apart, zie je in elk museum.")]
    public void A_general_or_private_use_of_a_matter_word_stays_green(string text) =>
        Assert.DoesNotContain(CheckCategory.Confidential, Found(text));

    [Theory]
    [InlineData("Collega Dirk is vandaag niet op kantoor. Hij heeft longontsteking.")]
    [InlineData("Onze drukker Ferry is geschorst na de ruzie in de hal.")]
    [InlineData("Collega Annelies werkt voorlopig halve dagen. Ze herstelt van een hernia-operatie.")]
    public void A_named_person_and_their_health_or_discipline_over_the_whole_post(string text) =>
        Assert.Contains(CheckCategory.PersonalData, Found(text));

    [Theory]
    [InlineData("Dirk heeft de marathon gelopen. Hij was moe maar blij.")]
    [InlineData("Sterkte aan iedereen met longontsteking deze winter. Groetjes, Dirk")]
    [InlineData("De wedstrijd werd geschorst vanwege onweer.")]
    public void Health_or_discipline_without_a_named_person_stays_green(string text) =>
        Assert.DoesNotContain(CheckCategory.PersonalData, Found(text));

    [Theory]
    [InlineData("Als die koerier weer te laat is, trap ik hem de zaak uit.")]
    [InlineData("Ik sla die vent echt helemaal verrot.")]
    [InlineData("I'm going to punch him next time.")]
    [InlineData("Ik maak die klant nog eens helemaal kapot.")]
    public void A_threat_is_speaker_act_and_target(string text) =>
        Assert.Contains(CheckCategory.Abusive, Found(text));

    [Theory]
    [InlineData("Ik sla de vergadering vandaag over.")]
    [InlineData("Ik trap af met een korte presentatie.")]
    [InlineData("Killing it at the gym, nobody can stop me 💪")]
    [InlineData("Ik maak die klus vandaag af.")]
    public void Violent_verbs_without_a_target_are_not_threats(string text) =>
        Assert.DoesNotContain(CheckCategory.Abusive, Found(text));

    [Theory]
    [InlineData("Die Bulgaren kunnen ook nooit normaal parkeren.")]
    [InlineData("Vrouwen kunnen echt niet inparkeren.")]
    [InlineData("Typical foreigners, they never learn the language.")]
    public void A_generalisation_about_a_group_is_abusive(string text) =>
        Assert.Contains(CheckCategory.Abusive, Found(text));

    [Theory]
    [InlineData("Die Bulgaren van hiernaast hebben ons enorm geholpen.")]
    [InlineData("Vrouwen in de techniek zijn altijd welkom bij ons.")]
    [InlineData("Mijn Turkse buurman komt nooit te laat.")]
    public void Naming_a_group_without_a_generalisation_stays_green(string text) =>
        Assert.DoesNotContain(CheckCategory.Abusive, Found(text));

    [Theory]
    [InlineData("Mijn leidinggevende appte net dat de hal dicht moet.")]
    [InlineData("Hoorde van de directeur dat er een nieuwe pers komt.")]
    [InlineData("Heard from my boss that the night shift is going.")]
    public void Hearsay_from_work_is_a_reported_conversation(string text) =>
        Assert.Contains(CheckCategory.Conversation, Found(text));

    [Theory]
    [InlineData("Mijn buurman appte dat de kat weer buiten zit.")]
    [InlineData("Ik hoorde de hele nacht de regen op het dak.")]
    public void Hearsay_from_private_life_stays_green(string text) =>
        Assert.DoesNotContain(CheckCategory.Conversation, Found(text));

    [Theory]
    [InlineData("Het was idioot druk op de beurs vandaag.")]
    [InlineData("Idioot lekker, die nieuwe koffie.")]
    [InlineData("Mijn broer vertelde het me vertrouwelijk: hij wordt vader!")]
    public void Innocent_intensifiers_and_private_secrets_stay_green(string text) =>
        Assert.Empty(Found(text));

    [Theory]
    [InlineData("Wat een idioot, die chauffeur.", CheckCategory.Abusive)]
    [InlineData("Vertrouwelijk: de directie gaat de oude pers verkopen.", CheckCategory.Confidential)]
    [InlineData("Nog even vertrouwelijk, maar er komt iets groots aan.", CheckCategory.Confidential)]
    public void The_same_words_stay_findings_where_they_are_meant(string text, CheckCategory category) =>
        Assert.Contains(category, Found(text));
}
