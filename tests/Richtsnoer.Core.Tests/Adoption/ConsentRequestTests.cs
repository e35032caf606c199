using Richtsnoer.Core.Adoption;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Tests.Adoption;

public sealed class ConsentRequestTests
{
    private static string Text(ProtocolDocument d) => d.Metadata.Title + "\n" + string.Join("\n", d.AllClauses.SelectMany(c => c.Blocks.Select(b => b switch
    {
        Paragraph p => p.Inlines.PlainText(),
        BulletList l => string.Join("\n", l.Items.Select(i => i.PlainText())),
        Table t => string.Join("\n", t.Rows.Select(r => string.Join(" | ", r.Select(cell => cell.PlainText())))),
        _ => string.Empty,
    }).Prepend(c.Title)));

    private static ConsentRequestFacts Facts(string? previous = null, bool monitoring = false, bool cao = false, string org = "Gemeente Lingewaard") =>
        new(org, previous is null ? "1.0" : "2.0", previous, new DateOnly(2027, 3, 1), monitoring, monitoring ? "klachten over onze dienstverlening snel opvangen" : null, cao,
            previous is null ? [] : ["3.2 Sociale media onder werktijd (gewijzigd)", "4.5 Klokkenluiders (nieuw)"], new DateOnly(2027, 1, 4));

    [Fact]
    public void A_first_request_asks_consent_under_article_27_for_the_whole_text_and_says_there_is_no_monitoring()
    {
        var text = Text(ConsentRequest.Default.Build(Facts(), Language.Nl));
        Assert.Contains("versie 1.0, met ingang van 1 maart 2027", text);
        Assert.Contains("artikel 27 lid 1", text);
        Assert.Contains("houdt geen toezicht", text);
        Assert.Contains("vervangende toestemming", text);
        Assert.DoesNotContain("Wat er verandert", text);
        Assert.DoesNotContain("{", text);
    }

    [Fact]
    public void A_change_lists_the_changed_clauses_and_monitoring_gets_its_own_part_under_k_and_l()
    {
        var text = Text(ConsentRequest.Default.Build(Facts(previous: "1.0", monitoring: true, cao: true), Language.Nl));
        Assert.Contains("Versie 2.0 komt in de plaats van versie 1.0", text);
        Assert.Contains("4.5 Klokkenluiders (nieuw)", text);
        Assert.Contains("klachten over onze dienstverlening snel opvangen", text);
        Assert.Contains("onder k en l", text);
        Assert.Contains("Voor zover de cao", text);
        Assert.DoesNotContain("houdt geen toezicht", text);
    }

    [Fact]
    public void The_english_request_has_the_same_parts_and_no_dutch_template_text()
    {
        var nl = ConsentRequest.Default.Build(Facts(previous: "1.0", monitoring: true), Language.Nl);
        var en = ConsentRequest.Default.Build(Facts(previous: "1.0", monitoring: true), Language.En);
        Assert.Equal(nl.AllClauses.Count(), en.AllClauses.Count());
        Assert.Equal(nl.AllClauses.Select(c => c.Blocks.Count), en.AllClauses.Select(c => c.Blocks.Count));
        var text = Text(en);
        Assert.Contains("article 27(1)", text);
        foreach (var dutch in new[] { " de ", " het ", " wij ", "artikel", "instemming" })
        {
            Assert.DoesNotContain(dutch, text);
        }
    }

    [Fact]
    public void The_monitoring_part_states_means_ground_retention_and_access_and_never_prints_dutch_inside_english()
    {
        var details = new MonitoringFacts("een zoekdienst voor openbare berichten", "de taak van algemeen belang (artikel 6 lid 1 onder e AVG)", "zes maanden", "het team Communicatie");
        var nl = Text(ConsentRequest.Default.Build(Facts(monitoring: true) with { MonitoringDetails = details }, Language.Nl));
        Assert.Contains("Middelen | een zoekdienst voor openbare berichten", nl);
        Assert.Contains("Grondslag | de taak van algemeen belang", nl);
        Assert.Contains("Bewaartermijn | zes maanden", nl);
        Assert.Contains("Wie toegang heeft | het team Communicatie", nl);

        var en = Text(ConsentRequest.Default.Build(Facts(monitoring: true) with { MonitoringPurpose = null, MonitoringDetails = new MonitoringFacts(null, "the public task", null, null) }, Language.En));
        Assert.Contains("Legal ground | the public task", en);
        Assert.Contains("Retention | see the clause on monitoring in the protocol", en);
        Assert.Contains("Its purpose is: see the clause on monitoring", en);
    }

    [Fact]
    public void A_placeholder_inside_an_organisation_name_stays_literal()
    {
        var text = Text(ConsentRequest.Default.Build(Facts(org: "{label} & <b>Zn</b>"), Language.Nl));
        Assert.Contains("{label} & <b>Zn</b> wil een social-mediaprotocol", text);
    }
}
