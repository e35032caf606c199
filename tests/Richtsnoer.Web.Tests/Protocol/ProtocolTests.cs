using System.IO.Compression;
using System.Net;
using System.Text;
using Richtsnoer.Core.Content;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Protocol;

public abstract class ProtocolTests(AppFixture fixture)
{
    private async Task<(WebSession Session, Guid Org)> GeneratedAsync(string name = "Installatiebedrijf Van Dam", IDictionary<string, Dictionary<string, string[]>>? extra = null)
    {
        var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, name);
        await Flows.CompleteInterviewAsync(s, org, extra);
        return (s, org);
    }

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

    [Fact]
    public async Task Another_alternative_replaces_the_clause()
    {
        var (s, org) = await GeneratedAsync();
        using var _ = s;
        var form = s.Page.QuerySelector("details.alternatives form")!;
        var current = form.QuerySelector("input[name=clause][checked]")!.GetAttribute("value")!;
        var other = form.QuerySelectorAll("input[name=clause]").Select(i => i.GetAttribute("value")!).First(v => v != current);
        await s.SubmitAsync("details.alternatives form", new Dictionary<string, string[]> { ["clause"] = [other] });
        Assert.NotNull(s.Page.QuerySelector($"[data-clause='{other}']"));
        Assert.Null(s.Page.QuerySelector($"[data-clause='{current}']"));
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
