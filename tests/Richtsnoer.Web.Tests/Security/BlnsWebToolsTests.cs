using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Richtsnoer.Core.Answers;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Security;

/// <summary>
/// Every string of the "Big List of Naughty Strings" as other words for the post check, as a test
/// draft and inside an uploaded answers file: refused with a message or taken as text, never
/// markup, never a 500.
/// </summary>
public abstract class BlnsWebToolsTests(AppFixture fixture)
{
    private static readonly Dictionary<string, Dictionary<string, string[]>> Extra = new()
    {
        ["information"] = new() { ["q.relations"] = ["Sint Olof Ziekenhuis"] },
    };

    private static void NoMarkup(WebSession s, int scripts, string text)
    {
        Assert.True(s.Status is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{s.Status} for {text}");
        Assert.Equal(scripts, s.Page.QuerySelectorAll("script").Length);
        Markup.AssertOnlyOwnMarkup(s.Page, text);
    }

    [Fact]
    public async Task Every_string_as_other_words_as_test_draft_and_in_an_uploaded_file_never_500s()
    {
        var strings = BlnsTests.Strings;
        Assert.True(strings.Count >= 480);
        // Hundreds of test drafts in a minute: beyond the post-check limit the page shares.
        await using var app = fixture.App.WithWebHostBuilder(b => b.UseSetting("Richtsnoer:RateLimits:PostCheckPerMinute", "100000"));
        using var s = new WebSession(app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, "Blns Gereedschap BV");
        await Flows.CompleteInterviewAsync(s, org, Extra);
        await s.GetAsync($"/o/{org}/protocol/check-terms");
        var scripts = s.Page.QuerySelectorAll("script").Length;
        var (_, download) = await s.DownloadAsync($"/o/{org}/protocol/answers-file?handler=download");
        var file = Encoding.UTF8.GetString(download);

        foreach (var text in strings)
        {
            await s.GetAsync($"/o/{org}/protocol/check-terms");
            await s.SubmitAsync("form[action*='handler=save']", new Dictionary<string, string[]> { ["Aliases[0]"] = [text] });
            NoMarkup(s, scripts, text);

            await s.SubmitAsync("form[action*='handler=try']", new Dictionary<string, string[]> { ["Draft"] = ["Bij het Sint Olof Ziekenhuis: " + text] });
            NoMarkup(s, scripts, text);
            Assert.NotNull(s.Page.QuerySelector(".verdict"));

            await s.GetAsync($"/o/{org}/protocol/answers-file");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(s.Token()), "__RequestVerificationToken" },
                { new StringContent(s.Page.QuerySelector("input[name=Fingerprint]")!.GetAttribute("value")!), "Fingerprint" },
            };
            var yaml = new ByteArrayContent(Encoding.UTF8.GetBytes(file.Replace("\"Sint Olof Ziekenhuis\"", AnswersFile.Quote(text), StringComparison.Ordinal)));
            yaml.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
            form.Add(yaml, "Upload", "blns.yaml");
            await s.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/o/{org}/protocol/answers-file") { Content = form });
            NoMarkup(s, scripts, text);
        }
    }
}

[Collection("sqlite")]
public sealed class BlnsWebToolsTestsOnSqlite(SqliteFixture f) : BlnsWebToolsTests(f);

[Collection("postgres")]
public sealed class BlnsWebToolsTestsOnPostgres(PostgresFixture f) : BlnsWebToolsTests(f);
