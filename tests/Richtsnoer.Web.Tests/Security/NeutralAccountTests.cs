using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Storage;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Security;

/// <summary>
/// Finding 7 of the security issue: registration and adding a member told whether an address has
/// an account. Now registration (when verified by e-mail) and invitations answer the same for
/// every address; only the mailbox learns which case it was.
/// </summary>
public abstract class NeutralAccountTests(AppFixture fixture)
{
    /// <summary>An instance that verifies registration by e-mail link, on the fixture's database, with its own clock.</summary>
    private WebApplicationFactory<Program> Verified(ManualTime? time = null) =>
        fixture.App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Richtsnoer:Accounts:VerifyRegistration", "true");
            if (time is not null)
            {
                b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time));
            }
        });

    private static WebSession Session(WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>What a visitor sees after asking for an account: status, address and the page's main text.</summary>
    private static async Task<(HttpStatusCode Status, string Url, string Text)> AskAsync(WebApplicationFactory<Program> app, string email)
    {
        using var s = Session(app);
        await s.GetAsync("/account/register");
        Assert.Null(s.Page.QuerySelector("input[name=Password]"));
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [email] });
        return (s.Status, s.Url, s.Text("main"));
    }

    private async Task<long> MailsToAsync(string email)
    {
        await using var connection = await fixture.App.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM email_outbox WHERE to_address = @email", new { email });
    }

    [Fact]
    public async Task Registration_by_link_answers_the_same_for_a_taken_and_a_free_address_and_only_the_mailbox_learns_which()
    {
        using var existing = fixture.App.Session();
        var taken = await Flows.RegisterAsync(existing);
        var free = Flows.NewEmail("nieuw");
        await using var app = Verified();

        var a = await AskAsync(app, taken);
        var b = await AskAsync(app, free);
        Assert.Equal(a, b);
        Assert.Equal("/account/register?sent=true", a.Url);
        Assert.Contains("Kijk in uw mailbox", a.Text);

        var notice = await Flows.LastMailAsync(fixture.App, taken);
        Assert.Equal("register-existing", notice.Template);
        Assert.Contains("/account/login", notice.Text);
        Assert.DoesNotContain("token=", notice.Text);
        var confirm = await Flows.LastMailAsync(fixture.App, free);
        Assert.Equal("register-confirm", confirm.Template);

        // The link from the mailbox finishes the account, once.
        using var s = Session(app);
        var link = Flows.LinkIn(confirm.Text, "/account/register/complete");
        await s.GetAsync(link);
        Assert.Contains(free, s.Text("main"));
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Password"] = ["1234567890"], ["PasswordAgain"] = ["1234567890"] });
        Assert.Contains("veelgebruikte", s.Text("#e-Password"));
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Password"] = [Flows.Password], ["PasswordAgain"] = [Flows.Password] });
        Assert.Equal("/organisations/new", s.Url);
        using var other = Session(app);
        await other.GetAsync(link);
        Assert.Contains("werkt niet (meer)", other.Text(".notice"));
        Assert.Null(other.Page.QuerySelector("main form"));

        using var login = fixture.App.Session();
        await Flows.LoginAsync(login, free);
        Assert.Equal("/organisations/new", login.Url);
    }

    [Fact]
    public async Task The_hourly_limit_of_registration_mails_is_the_same_for_a_taken_and_a_free_address()
    {
        using var existing = fixture.App.Session();
        var taken = await Flows.RegisterAsync(existing);
        var free = Flows.NewEmail("vaak");
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var app = Verified(time);

        for (var i = 0; i < 5; i++)
        {
            var a = await AskAsync(app, taken);
            var b = await AskAsync(app, free);
            Assert.Equal(a, b);
        }

        Assert.Equal(3, await MailsToAsync(taken));
        Assert.Equal(3, await MailsToAsync(free));

        // An hour later a new request gets through again; the links of a day ago are gone.
        time.Advance(TimeSpan.FromMinutes(61));
        await AskAsync(app, free);
        Assert.Equal(4, await MailsToAsync(free));
    }

    [Fact]
    public async Task An_expired_registration_link_does_not_work()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var app = Verified(time);
        var email = Flows.NewEmail("laat");
        await AskAsync(app, email);
        var link = Flows.LinkIn((await Flows.LastMailAsync(fixture.App, email)).Text, "/account/register/complete");
        time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        using var s = Session(app);
        await s.GetAsync(link);
        Assert.Contains("werkt niet (meer)", s.Text(".notice"));
    }

    [Fact]
    public async Task An_invitation_answers_the_owner_the_same_for_an_address_with_and_without_an_account()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Neutraal BV");
        using var known = fixture.App.Session();
        var knownEmail = await Flows.RegisterAsync(known);
        var unknownEmail = Flows.NewEmail("onbekend");

        async Task<(HttpStatusCode, string, string)> InviteAsync(string email)
        {
            await owner.GetAsync($"/o/{org}/members");
            await owner.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [email] });
            return (owner.Status, owner.Url, owner.Text(".notice"));
        }

        Assert.Equal(await InviteAsync(knownEmail), await InviteAsync(unknownEmail));
        var toKnown = await Flows.LastMailAsync(fixture.App, knownEmail);
        var toUnknown = await Flows.LastMailAsync(fixture.App, unknownEmail);
        Assert.Equal(toKnown.Subject, toUnknown.Subject);
        Assert.Equal(
            toKnown.Text.Replace(Flows.LinkIn(toKnown.Text, "/invite"), "LINK"),
            toUnknown.Text.Replace(Flows.LinkIn(toUnknown.Text, "/invite"), "LINK"));
        var rows = owner.Page.QuerySelectorAll("table.invitations tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(knownEmail));
        Assert.Contains(rows, r => r.Contains(unknownEmail));
    }

    [Fact]
    public async Task An_invitation_is_accepted_only_by_the_invited_address_and_a_withdrawn_one_not_at_all()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Alleen Genodigden BV");
        using var invited = fixture.App.Session();
        var invitedEmail = await Flows.RegisterAsync(invited);
        using var other = fixture.App.Session();
        await Flows.RegisterAsync(other);

        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [invitedEmail] });
        var link = Flows.LinkIn((await Flows.LastMailAsync(fixture.App, invitedEmail)).Text, "/invite");

        // Someone else with the link, signed in with another address, cannot use it.
        await other.GetAsync(link);
        Assert.Contains("Log uit", other.Text(".error-summary"));
        Assert.Null(other.Page.QuerySelector("main form.form"));
        var token = other.Token();
        await other.PostAsync("/invite", [new("__RequestVerificationToken", token), new("Token", link.Split("token=")[1])]);
        await other.GetAsync($"/o/{org}/protocol");
        Assert.Equal(HttpStatusCode.NotFound, other.Status);

        // Withdrawn: the link is dead for the invited address too.
        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("table.invitations form");
        Assert.Contains("ingetrokken", owner.Text(".notice"));
        await invited.GetAsync(link);
        Assert.Contains("werkt niet (meer)", invited.Text(".notice"));
        await invited.GetAsync($"/o/{org}/protocol");
        Assert.Equal(HttpStatusCode.NotFound, invited.Status);
    }

    [Fact]
    public async Task Without_an_account_the_invited_person_registers_with_the_invited_address_and_joins()
    {
        using var owner = fixture.App.Session();
        await Flows.RegisterAsync(owner);
        var org = await Flows.CreateOrganisationAsync(owner, "Nieuwe Collega BV");
        var email = Flows.NewEmail("collega");
        await owner.GetAsync($"/o/{org}/members");
        await owner.SubmitAsync("form.form", new Dictionary<string, string[]> { ["Email"] = [email] });

        // Also where registration is verified: the invitation link proves the mailbox.
        await using var app = Verified();
        using var s = Session(app);
        await s.GetAsync(Flows.LinkIn((await Flows.LastMailAsync(fixture.App, email)).Text, "/invite"));
        await s.GetAsync(s.Page.QuerySelector("a[href^='/account/register?invite=']")!.GetAttribute("href")!);
        Assert.Contains("Nieuwe Collega BV", s.Text("main"));
        Assert.NotNull(s.Page.QuerySelector("input[name=Password]"));
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Password"] = [Flows.Password], ["PasswordAgain"] = [Flows.Password] });
        Assert.Equal($"/o/{org}/protocol", s.Url);
        await owner.GetAsync($"/o/{org}/members");
        Assert.Contains(email, owner.Text("table.list"));
    }
}

[Collection("sqlite")]
public sealed class NeutralAccountTestsOnSqlite(SqliteFixture f) : NeutralAccountTests(f);

[Collection("postgres")]
public sealed class NeutralAccountTestsOnPostgres(PostgresFixture f) : NeutralAccountTests(f);
