using System.IO.Compression;
using System.Net;
using System.Text;
using Richtsnoer.Core.Content;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Protocol;

public abstract class ProtocolTests(AppFixture fixture)
{
    private Task<(WebSession Session, Guid Org)> GeneratedAsync(string name = "Installatiebedrijf Van Dam", IDictionary<string, Dictionary<string, string[]>>? extra = null) => Flows.GeneratedAsync(fixture.App, name, extra);

    [Theory]
    [InlineData("pdf", "application/pdf", "%PDF")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK")]
    [InlineData("html", "text/html", "<!DOCTYPE html>")]
    [InlineData("md", "text/markdown", "# ")]
    public async Task The_protocol_and_the_staff_summary_download_in_every_format(string format, string mediaType, string start)
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        foreach (var summary in new[] { false, true })
        {
            var (response, bytes) = await s.DownloadAsync($"/o/{org}/download/{format}?lang=nl" + (summary ? "&summary=1" : ""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith(mediaType, response.Content.Headers.ContentType!.ToString());
            Assert.StartsWith(start, Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 40)).TrimStart('\uFEFF'));
            var fileName = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
            Assert.Matches(summary ? "^social-media-in-het-kort-installatiebedrijf-van-dam\\." : "^social-mediaprotocol-installatiebedrijf-van-dam\\.", fileName);
            Assert.EndsWith("." + format, fileName);
        }
    }

    [Fact]
    public async Task The_download_names_the_organisation_and_its_escalation_contact()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        var md = Encoding.UTF8.GetString((await s.DownloadAsync($"/o/{org}/download/md")).Bytes);
        Assert.Contains("Installatiebedrijf Van Dam", md);
        Assert.Contains("het team Communicatie", md);
        Assert.DoesNotContain("{{", md);
        Assert.DoesNotContain("[nog in te vullen]", md);
    }

    [Fact]
    public async Task Nothing_downloads_before_every_required_answer_is_given()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s);
        var (response, _) = await s.DownloadAsync($"/o/{org}/download/pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/o/{org}/protocol", WebSession.Local(response.Headers.Location!.OriginalString));
        await s.GetAsync($"/o/{org}/download/exe");
        Assert.Equal(HttpStatusCode.NotFound, s.Status);
    }

    [Fact]
    public async Task An_adapted_clause_is_marked_downloaded_and_restorable()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        var link = s.Page.QuerySelector(".clause-tools a[href*='/protocol/clauses/']")!.GetAttribute("href")!;
        var clauseId = link.Split('/')[5].Split('?')[0];
        var originalTitle = s.Page.QuerySelector($"#c-{clauseId} h4")!.TextContent;

        await s.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, s.Status);
        var originalText = s.Page.QuerySelector("textarea[name=Text]")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(originalText));
        await s.SubmitAsync("main form.form", new Dictionary<string, string[]>
        {
            ["Title"] = ["Onze eigen afspraak"],
            ["Text"] = ["Bij Van Dam zeggen we het **zelf**.\n\n- eerst bellen\n- dan posten"],
        });
        Assert.StartsWith($"/o/{org}/protocol?lang=nl&saved=1", s.Url);
        var clause = s.Page.QuerySelector($"#c-{clauseId}")!;
        Assert.Contains("aangepast", clause.QuerySelector(".badge")!.TextContent);
        Assert.Contains("Onze eigen afspraak", clause.QuerySelector("h4")!.TextContent);
        Assert.Equal("zelf", clause.QuerySelector("strong")!.TextContent);
        Assert.Equal(2, clause.QuerySelectorAll("li").Length);

        var md = Encoding.UTF8.GetString((await s.DownloadAsync($"/o/{org}/download/md")).Bytes);
        Assert.Contains("Onze eigen afspraak", md);
        Assert.Contains("eerst bellen", md);
        Assert.Contains("Onze eigen afspraak", DocxText((await s.DownloadAsync($"/o/{org}/download/docx")).Bytes));

        await s.GetAsync(link);
        Assert.Equal("Onze eigen afspraak", s.Page.QuerySelector("#f-Title")!.GetAttribute("value"));
        Assert.True(s.Page.QuerySelector("details.original")!.HasAttribute("open"));
        Assert.Equal(Normalize(originalTitle.Replace("Tekst aanpassen", "")), Normalize(s.Text("details.original h2")));
        await s.SubmitAsync("form.restore");
        Assert.Equal("De tekst uit de bibliotheek staat er weer.", s.Text("p.notice"));
        Assert.Null(s.Page.QuerySelector($"#c-{clauseId} .badge"));
        Assert.Equal(Normalize(originalTitle), Normalize(s.Page.QuerySelector($"#c-{clauseId} h4")!.TextContent));
    }

    [Fact]
    public async Task Empty_or_too_long_adaptations_are_explained_and_not_saved()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        var link = s.Page.QuerySelector(".clause-tools a[href*='/protocol/clauses/']")!.GetAttribute("href")!;
        await s.GetAsync(link);
        await s.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Title"] = [""], ["Text"] = [new string('a', 20_001)] });
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.NotEmpty(s.Text("#e-Title"));
        Assert.Contains("20000", s.Text("#e-Text").Replace(".", "").Replace(" ", ""));
        await s.GetAsync($"/o/{org}/protocol");
        Assert.Null(s.Page.QuerySelector(".badge"));
    }

    /// <summary>The variant chooser of one group: the form's selector, and the clause it sits under.</summary>
    private static (string Form, string Clause) Chooser(WebSession s, string group)
    {
        var form = s.Page.QuerySelectorAll("details.alternatives form").Single(f => f.QuerySelector("input[name=group]")!.GetAttribute("value") == group);
        var clause = form.Closest(".clause")!.GetAttribute("data-clause")!;
        return ($"#c-{clause} details.alternatives form", clause);
    }

    [Fact]
    public async Task A_working_hours_variant_is_the_answer_choosing_one_changes_the_interview_and_the_interview_changes_it_back()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        var (form, current) = Chooser(s, "working-hours-regime");

        // Four variants, each with its own label and a line that says what it means.
        var labels = s.Page.QuerySelectorAll(form + " label strong").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(4, labels.Count);
        Assert.Equal(4, labels.Distinct().Count());
        Assert.Contains("Alleen in de pauze", labels);
        Assert.All(s.Page.QuerySelectorAll(form + " .variant-description"), d => Assert.False(string.IsNullOrWhiteSpace(d.TextContent)));
        Assert.Contains("verandert dat antwoord ook", s.Text(form + " .hint"));

        var target = current == "working-hours-breaks" ? "working-hours-none" : "working-hours-breaks";
        var value = target == "working-hours-breaks" ? "breaks" : "none";
        await s.SubmitAsync(form, new Dictionary<string, string[]> { ["clause"] = [target] });
        Assert.Contains("answer=working_hours", s.Url);
        var notice = s.Page.QuerySelectorAll("p.notice").Single(n => n.TextContent.Contains("Uw antwoord is aangepast")).TextContent;
        Assert.Contains(value == "breaks" ? "Alleen in de pauze" : "Niet onder werktijd", notice);
        Assert.NotNull(s.Page.QuerySelector($"[data-clause='{target}']"));
        Assert.Null(s.Page.QuerySelector($"[data-clause='{current}']"));
        Assert.Null(s.Page.QuerySelector(".fixed-variant"));

        // The interview shows the same answer.
        await s.GetAsync($"/o/{org}/interview/working-hours");
        Assert.True(s.Page.QuerySelector($"input[name='q.working_hours'][value='{value}']")!.HasAttribute("checked"));

        // And changing the answer there changes the variant: nothing stale holds the old choice.
        await Flows.AnswerStepAsync(s, org, "working-hours", new Dictionary<string, string[]> { ["q.working_hours"] = ["free"] });
        await s.GetAsync($"/o/{org}/protocol");
        Assert.NotNull(s.Page.QuerySelector("[data-clause='working-hours-free']"));
        Assert.Null(s.Page.QuerySelector($"[data-clause='{target}']"));
    }

    [Fact]
    public async Task With_a_works_council_the_adoption_text_without_consent_is_not_offered_and_cannot_be_posted()
    {
        var (s, org) = await GeneratedAsync(extra: new Dictionary<string, Dictionary<string, string[]>>
        {
            ["works-council"] = new() { ["q.works_council"] = ["true"] },
        });
        using var _ = s;
        Assert.NotNull(s.Page.QuerySelector("[data-clause='adoption-pending']"));
        Assert.Null(s.Page.QuerySelector("input[name=clause][value='adoption-no-council']"));
        Assert.Null(s.Page.QuerySelector("#c-adoption-pending details.alternatives"));

        await s.PostAsync($"/o/{org}/protocol?handler=alternative", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = s.Token(),
            ["group"] = "adoption-route",
            ["clause"] = "adoption-no-council",
            ["lang"] = "nl",
        });
        Assert.Contains("refused=adoption-route", s.Url);
        Assert.Contains("past niet bij uw antwoorden", s.Text("p.notice[role=alert]"));
        Assert.NotNull(s.Page.QuerySelector("[data-clause='adoption-pending']"));
        Assert.Null(s.Page.QuerySelector("[data-clause='adoption-no-council']"));
    }

    [Fact]
    public async Task Adding_English_lists_what_to_translate_the_English_download_explains_it_and_translating_makes_it_whole()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        var link = s.Page.QuerySelector(".clause-tools a[href*='/protocol/clauses/']")!.GetAttribute("href")!;
        var clauseId = link.Split('/')[5].Split('?')[0];
        await s.GetAsync(link);
        await s.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Title"] = ["Onze eigen afspraak"], ["Text"] = ["Bij Van Dam bellen we eerst."] });
        await s.GetAsync($"/o/{org}/protocol/own?lang=nl");
        await s.SubmitAsync("main form.form", new Dictionary<string, string[]>
        {
            ["Section"] = ["conduct"],
            ["TitleNl"] = ["Foto's op de bouwplaats"],
            ["TextNl"] = ["Vraag eerst toestemming."],
        });
        var ownId = s.Page.QuerySelector(".clause .badge.own")!.Closest(".clause")!.GetAttribute("data-clause")!;

        // The protocol becomes Dutch and English.
        await Flows.AnswerStepAsync(s, org, "organisation", new Dictionary<string, string[]> { ["q.languages"] = ["nl", "en"] });
        await Flows.AnswerStepAsync(s, org, "contacts", new Dictionary<string, string[]> { ["q.escalation_contact.name_en"] = ["the Communications team"] });
        await s.GetAsync($"/o/{org}/protocol?lang=nl");
        var links = s.Page.QuerySelectorAll(".translations li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains($"/o/{org}/interview/working-hours#q-spokespersons", links);
        var items = links.Where(l => l.Contains("/protocol/", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"/o/{org}/protocol/clauses/{clauseId}?lang=en", $"/o/{org}/protocol/own/{ownId}?lang=en"], items);
        Assert.Contains("Onze eigen afspraak", s.Text(".translations"));

        // Each clause can be translated in turn, also before the answers are.
        await s.GetAsync(items[0]);
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.Contains("Onze eigen afspraak", s.Text(".to-translate"));

        // The answers given in Dutch get their English text in the interview, at the step each link leads to.
        foreach (var step in links.Where(l => l.Contains("/interview/", StringComparison.Ordinal)).Select(l => l.Split('#')[0]).Distinct())
        {
            await s.GetAsync(step);
            var values = new Dictionary<string, string[]>();
            foreach (var field in s.Page.QuerySelectorAll("#wizard input[name$='.en'], #wizard textarea[name$='.en']"))
            {
                var name = field.GetAttribute("name")!;
                var dutch = s.Page.QuerySelector($"#wizard [name='{name[..^3]}']");
                var dutchText = dutch?.LocalName == "textarea" ? dutch.TextContent : dutch?.GetAttribute("value");
                var englishText = field.LocalName == "textarea" ? field.TextContent : field.GetAttribute("value");
                if (string.IsNullOrWhiteSpace(englishText) && !string.IsNullOrWhiteSpace(dutchText))
                {
                    values[name] = [string.Join("\n", dutchText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((_, i) => $"English text {i + 1}"))];
                }
            }

            await s.SubmitAsync("#wizard", values, ("nav", "next"));
        }

        await s.GetAsync($"/o/{org}/protocol?lang=nl");
        Assert.True(s.Page.QuerySelectorAll(".translations li").Length == 2, s.Text(".translations"));

        // The English download is refused and the page it leads to says what to translate first.
        var (response, _) = await s.DownloadAsync($"/o/{org}/download/md?lang=en");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/o/{org}/protocol?lang=en", WebSession.Local(response.Headers.Location!.OriginalString));
        await s.GetAsync($"/o/{org}/protocol?lang=en");
        Assert.Equal(2, s.Page.QuerySelectorAll(".translations li").Length);
        Assert.True(!s.Page.Body!.TextContent.Contains("kan zo nog niet worden gemaakt", StringComparison.Ordinal), s.Text(".panel.warn:not(.translations)"));

        // The clause editor shows the Dutch adaptation to translate from.
        await s.GetAsync(items[0]);
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.Contains("Onze eigen afspraak", s.Text(".to-translate"));
        await s.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Title"] = ["Our own arrangement"], ["Text"] = ["At Van Dam we call first."] });

        // An own clause is not saved with one language missing.
        await s.GetAsync(items[1]);
        await s.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["TitleEn"] = [""], ["TextEn"] = [""] });
        Assert.Contains("ook in het Engels", s.Text(".error-summary"));
        await s.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["TitleEn"] = ["Photos on the building site"], ["TextEn"] = ["Ask first."] });

        await s.GetAsync($"/o/{org}/protocol?lang=en");
        Assert.Null(s.Page.QuerySelector(".translations"));
        var md = Encoding.UTF8.GetString((await s.DownloadAsync($"/o/{org}/download/md?lang=en")).Bytes);
        Assert.Contains("Our own arrangement", md);
        Assert.Contains("Photos on the building site", md);
        Assert.DoesNotContain("Foto's op de bouwplaats", md);
        Assert.DoesNotContain("Onze eigen afspraak", md);
    }

    [Fact]
    public async Task An_own_clause_with_topics_shows_in_the_coverage_and_the_download()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        var topic = ContentLibrary.Default.Topics.OrderBy(t => t.Number).First();
        await s.GetAsync($"/o/{org}/protocol/own?lang=nl");
        Assert.Equal(25, s.Page.QuerySelectorAll("input[name=Topics]").Length);
        await s.SubmitAsync("main form.form", new Dictionary<string, string[]>
        {
            ["Section"] = ["conduct"],
            ["Topics"] = [topic.Key],
            ["TitleNl"] = ["Foto's op de bouwplaats"],
            ["TextNl"] = ["Maak geen foto's van klanten of hun huizen zonder toestemming."],
        });
        var own = s.Page.QuerySelector(".clause .badge.own")!.ParentElement!.ParentElement!;
        var number = own.QuerySelector(".num")!.TextContent.Trim();
        Assert.Contains("Foto's op de bouwplaats", own.TextContent);
        var coverage = s.Page.QuerySelectorAll(".coverage li").First(li => li.TextContent.Contains(topic.Name.Nl));
        Assert.Contains(number, coverage.QuerySelector(".where")!.TextContent);
        Assert.Contains("Foto's op de bouwplaats", Encoding.UTF8.GetString((await s.DownloadAsync($"/o/{org}/download/md")).Bytes));

        await s.SubmitAsync($"#{own.Id} form.inline");
        Assert.Null(s.Page.QuerySelector(".badge.own"));
    }

    [Fact]
    public async Task A_protocol_in_two_languages_downloads_in_english_too()
    {
        var (s, org) = await GeneratedAsync(extra: new Dictionary<string, Dictionary<string, string[]>>
        {
            ["organisation"] = new() { ["q.languages"] = ["nl", "en"] },
            ["contacts"] = new() { ["q.escalation_contact.name_en"] = ["the Communications team"] },
        });
        using var _ = s;
        Assert.NotNull(s.Page.QuerySelector($"a[href='/o/{org}/protocol?lang=en']"));
        var md = Encoding.UTF8.GetString((await s.DownloadAsync($"/o/{org}/download/md?lang=en")).Bytes);
        Assert.Contains("Social media protocol", md);
        Assert.Contains("the Communications team", md);
        Assert.DoesNotContain("het team Communicatie", md);

        // The interview asks for the English text of every answer that appears in the protocol.
        await s.GetAsync($"/o/{org}/interview/contacts");
        Assert.Equal("the Communications team", s.Page.QuerySelector("input[name='q.escalation_contact.name_en']")!.GetAttribute("value"));
        await s.GetAsync($"/o/{org}/interview/working-hours");
        Assert.Equal("the management", s.Page.QuerySelector("input[name='q.spokespersons.en']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Adapting_is_only_possible_after_the_protocol_is_generated()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s);
        var clause = ContentLibrary.Default.Clauses.First(c => c.Generator == ClauseGenerator.None && c.When is null && c.Alternative is null);
        await s.GetAsync($"/o/{org}/protocol/clauses/{clause.Id}");
        Assert.Equal(HttpStatusCode.NotFound, s.Status);
        await s.GetAsync($"/o/{org}/protocol/own");
        Assert.Equal(HttpStatusCode.NotFound, s.Status);
    }

    private static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string DocxText(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = System.Xml.Linq.XDocument.Parse(reader.ReadToEnd());
        return string.Concat(xml.Descendants().Where(e => e.Name.LocalName == "t").Select(e => e.Value));
    }
}

[Collection("sqlite")]
public sealed class ProtocolTestsOnSqlite(SqliteFixture f) : ProtocolTests(f);

[Collection("postgres")]
public sealed class ProtocolTestsOnPostgres(PostgresFixture f) : ProtocolTests(f);
