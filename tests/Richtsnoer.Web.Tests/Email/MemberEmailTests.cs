using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Email;

/// <summary>Adding an editor sends that person an e-mail; without SMTP the owner finds it in the app.</summary>
public abstract class MemberEmailTests(AppFixture fixture)
{
    [Fact]
    public async Task Without_smtp_the_invitation_waits_in_the_outbox_page_marked_as_not_sent_in_the_editors_language()
    {
        using var owner = fixture.App.Session();
        var ownerEmail = await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Zorggroep <Noord> & \"Zuid\"");

        using var editor = fixture.App.Session();
        var editorEmail = await Flows.RegisterAsync(editor);
        await editor.SubmitAsync("header form[action='/language']", button: ("lang", "en"));

        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [editorEmail] });
        Assert.Contains("niet ingesteld", owner.Text(".notice"));

        // Adding the same person again is refused and queues nothing.
        await owner.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [editorEmail] });
        Assert.Contains("werkt al mee", owner.Text("#e-Email"));

        await owner.GetAsync($"/o/{org}/outbox");
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        Assert.Contains("E-mail is niet ingesteld: deze berichten zijn niet verstuurd.", owner.Text(".warning"));
        var items = owner.Page.QuerySelectorAll("ul.outbox > li");
        var item = Assert.Single(items);
        Assert.Contains("niet verstuurd", item.QuerySelector(".status")!.TextContent);
        Assert.Contains("You now work on the social media protocol of Zorggroep <Noord> & \"Zuid\"", item.TextContent);
        Assert.Contains(editorEmail, item.TextContent);
        var body = item.QuerySelector("pre.mail-text")!.TextContent;
        Assert.Contains(ownerEmail + " has added you to Zorggroep <Noord> & \"Zuid\"", body);
        Assert.Contains($"/o/{org}", body);
        Assert.DoesNotContain("Goedendag", body);
        Assert.Contains("&lt;Noord&gt;", owner.Html);
        Assert.DoesNotContain("<Noord>", owner.Html);

        // Only owners read the outbox.
        await editor.GetAsync($"/o/{org}/outbox");
        Assert.Equal(HttpStatusCode.Forbidden, editor.Status);
        using var stranger = fixture.App.Session();
        await Flows.RegisterAsync(stranger);
        await stranger.GetAsync($"/o/{org}/outbox");
        Assert.Equal(HttpStatusCode.NotFound, stranger.Status);
    }

    [Fact]
    public async Task With_smtp_configured_the_invitation_arrives_at_the_smtp_server_with_the_public_link()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var app = fixture.App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Richtsnoer:Email:Smtp:Host", "127.0.0.1");
            b.UseSetting("Richtsnoer:Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Richtsnoer:Email:Smtp:Security", "None");
            b.UseSetting("Richtsnoer:Email:From", "protocol@zorggroep.test");
            b.UseSetting("Richtsnoer:PublicUrl", "https://richtsnoer.zorggroep.test/");
        });
        using var owner = new WebSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Zorggroep Midden");
        using var editor = new WebSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var editorEmail = await Flows.RegisterAsync(editor);

        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [editorEmail] });
        Assert.Contains("We sturen een e-mail", owner.Text(".notice"));

        // Messages queued earlier, while SMTP was not configured, may go out first.
        var mail = await smtp.WaitForAsync(m => m.To.Mailboxes.Any(x => x.Address == editorEmail), TimeSpan.FromSeconds(30));
        Assert.Equal("U werkt nu mee aan het social-mediaprotocol van Zorggroep Midden", mail.Subject);
        Assert.Equal("protocol@zorggroep.test", mail.From.Mailboxes.Single().Address);
        Assert.Contains($"https://richtsnoer.zorggroep.test/o/{org}", mail.TextBody);
        Assert.Contains($"href=\"https://richtsnoer.zorggroep.test/o/{org}\"", mail.HtmlBody);

        await owner.GetAsync($"/o/{org}/outbox");
        Assert.Null(owner.Page.QuerySelector(".warning"));
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!owner.Text("ul.outbox .status").Contains("verstuurd") && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            await owner.GetAsync($"/o/{org}/outbox");
        }

        Assert.Equal("verstuurd", owner.Text("ul.outbox .status"));
        Assert.Single(smtp.Accepted, m => m.To.Mailboxes.Any(x => x.Address == editorEmail));
    }
}

[Collection("sqlite")]
public sealed class MemberEmailTestsOnSqlite(SqliteFixture f) : MemberEmailTests(f);

[Collection("postgres")]
public sealed class MemberEmailTestsOnPostgres(PostgresFixture f) : MemberEmailTests(f);
