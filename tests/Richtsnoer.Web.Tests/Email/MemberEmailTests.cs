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
    public async Task Without_smtp_the_invitation_waits_in_the_outbox_page_marked_as_not_sent_in_the_owners_language()
    {
        using var owner = fixture.App.Session();
        var ownerEmail = await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Zorggroep <Noord> & \"Zuid\"");
        await owner.SubmitAsync("header form[action='/language']", button: ("lang", "en"));

        using var editor = fixture.App.Session();
        var editorEmail = await Flows.RegisterAsync(editor);

        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [editorEmail] });
        Assert.Contains("not configured", owner.Text(".notice"));

        // Inviting again replaces the first invitation: one open invitation, the first link dead.
        var first = Flows.LinkIn((await Flows.LastMailAsync(fixture.App, editorEmail)).Text, "/invite");
        await owner.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [editorEmail] });
        Assert.Single(owner.Page.QuerySelectorAll("table.invitations tbody tr"));
        await editor.GetAsync(first);
        Assert.Contains("werkt niet (meer)", editor.Text(".notice"));

        await owner.GetAsync($"/o/{org}/outbox");
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        Assert.Contains("E-mail is not configured", owner.Text(".warning"));
        var items = owner.Page.QuerySelectorAll("ul.outbox > li");
        Assert.Equal(2, items.Length);
        var item = items[0];
        Assert.Contains("not sent", item.QuerySelector(".status")!.TextContent);
        Assert.Contains("Invitation to work on the social media protocol of Zorggroep <Noord> & \"Zuid\"", item.TextContent);
        Assert.Contains(editorEmail, item.TextContent);
        var body = item.QuerySelector("pre.mail-text")!.TextContent;
        Assert.Contains(ownerEmail + " invites you to work on the social media protocol of Zorggroep <Noord> & \"Zuid\"", body);
        Assert.Contains("/invite?token=", body);
        Assert.DoesNotContain("Goedendag", body);
        Assert.Contains("&lt;Noord&gt;", owner.Html);
        Assert.DoesNotContain("<Noord>", owner.Html);

        // The owner can pass the link on; the editor accepts it.
        await editor.GetAsync(Flows.LinkIn(body, "/invite"));
        await editor.SubmitAsync("main form.form");
        Assert.Equal($"/o/{org}/protocol", editor.Url);

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

            // With SMTP, registration goes by e-mail link unless switched off; this test registers directly.
            b.UseSetting("Richtsnoer:Accounts:VerifyRegistration", "false");
        });
        using var owner = new WebSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Zorggroep Midden");
        var editorEmail = Flows.NewEmail("nieuw");

        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [editorEmail] });
        Assert.Contains("uitnodiging is verstuurd", owner.Text(".notice"));
        Assert.DoesNotContain("niet ingesteld", owner.Text(".notice"));

        // Messages queued earlier, while SMTP was not configured, may go out first.
        var mail = await smtp.WaitForAsync(m => m.To.Mailboxes.Any(x => x.Address == editorEmail), TimeSpan.FromSeconds(30));
        Assert.Equal("Uitnodiging om mee te werken aan het social-mediaprotocol van Zorggroep Midden", mail.Subject);
        Assert.Equal("protocol@zorggroep.test", mail.From.Mailboxes.Single().Address);
        var link = Flows.LinkIn(mail.TextBody!, "/invite");
        Assert.Contains("https://richtsnoer.zorggroep.test" + link, mail.TextBody);
        Assert.Contains("href=\"https://richtsnoer.zorggroep.test" + link.Replace("&", "&amp;") + "\"", mail.HtmlBody);

        // The address had no account: through the link its owner makes one and joins.
        using var editor = new WebSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await editor.GetAsync(link);
        await editor.GetAsync(editor.Page.QuerySelector("a[href^='/account/register?invite=']")!.GetAttribute("href")!);
        Assert.Contains(editorEmail, editor.Text("main"));
        Assert.Null(editor.Page.QuerySelector("input[name=Email]"));
        await editor.SubmitAsync("main form", new Dictionary<string, string[]> { ["Password"] = [Flows.Password], ["PasswordAgain"] = [Flows.Password] });
        Assert.Equal($"/o/{org}/protocol", editor.Url);

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
