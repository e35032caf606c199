using System.Net;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Accounts;

public abstract class AccountTests(AppFixture fixture)
{
    [Fact]
    public async Task Register_signs_in_and_asks_for_the_first_organisation()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        Assert.Contains("Voor welke organisatie", s.Text("h1"));
        Assert.Contains("Welkom", s.Html);
    }

    [Fact]
    public async Task Register_refuses_a_second_account_with_the_same_address_in_any_case()
    {
        using var first = fixture.App.Session();
        var email = await Flows.RegisterAsync(first);

        using var second = fixture.App.Session();
        await second.GetAsync("/account/register");
        await second.SubmitAsync("main form", new Dictionary<string, string[]>
        {
            ["Email"] = [" " + email.ToUpperInvariant() + " "],
            ["Password"] = [Flows.Password],
            ["PasswordAgain"] = [Flows.Password],
        });
        Assert.Equal("/account/register", second.Url);
        Assert.Contains("Er is al een account", second.Text("#e-Email"));
    }

    [Fact]
    public async Task Register_explains_a_short_password_and_a_wrong_address_next_to_the_field()
    {
        using var s = fixture.App.Session();
        await s.GetAsync("/account/register");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = ["geen-adres"], ["Password"] = ["kort"], ["PasswordAgain"] = ["kort"] });
        Assert.Equal(HttpStatusCode.OK, s.Status);
        Assert.Contains("geen geldig e-mailadres", s.Text("#e-Email"));
        Assert.Contains("minstens 10 zichtbare tekens", s.Text("#e-Password"));
        Assert.Equal("true", s.Page.QuerySelector("#f-Email")!.GetAttribute("aria-invalid"));
        Assert.Equal(2, s.Page.QuerySelectorAll(".error-summary li").Length);
    }

    [Fact]
    public async Task Logout_and_login_again()
    {
        using var s = fixture.App.Session();
        var email = await Flows.RegisterAsync(s);
        await s.GetAsync("/account/logout");
        await s.SubmitAsync("main form");
        Assert.StartsWith("/account/login", s.Url);
        Assert.Contains("uitgelogd", s.Text(".notice"));

        await s.GetAsync("/organisations", follow: false);
        Assert.Equal(HttpStatusCode.Redirect, s.Status);
        Assert.StartsWith("/account/login", WebSession.Local(s.Response.Headers.Location!.OriginalString), StringComparison.OrdinalIgnoreCase);

        await Flows.LoginAsync(s, email.ToUpperInvariant());
        Assert.Equal("/organisations/new", s.Url);
    }

    [Fact]
    public async Task Wrong_password_gives_one_message_for_unknown_and_known_addresses()
    {
        using var s = fixture.App.Session();
        var email = await Flows.RegisterAsync(s);
        using var other = fixture.App.Session();
        await Flows.LoginAsync(other, email, "verkeerd wachtwoord");
        var known = other.Text("#e-Password");
        await Flows.LoginAsync(other, Flows.NewEmail("onbekend"), "verkeerd wachtwoord");
        Assert.Equal(known, other.Text("#e-Password"));
        Assert.Contains("horen niet bij elkaar", known);
    }

    [Fact]
    public async Task A_successful_login_resets_the_failure_count()
    {
        using var s = fixture.App.Session();
        var email = await Flows.RegisterAsync(s);
        using var u = fixture.App.Session();
        for (var i = 0; i < 4; i++)
        {
            await Flows.LoginAsync(u, email, "fout");
        }

        await Flows.LoginAsync(u, email);
        Assert.Equal("/organisations/new", u.Url);
    }

    [Fact]
    public async Task Every_form_without_its_antiforgery_token_is_refused()
    {
        using var s = fixture.App.Session();
        await s.GetAsync("/account/register");
        await s.PostAsync("/account/register", [new("Email", Flows.NewEmail()), new("Password", Flows.Password), new("PasswordAgain", Flows.Password)]);
        Assert.Equal(HttpStatusCode.BadRequest, s.Status);
        Assert.Contains("formulier", s.Html);
    }

    [Fact]
    public async Task The_interface_switches_to_English_and_back()
    {
        using var s = fixture.App.Session();
        await s.GetAsync("/account/login");
        Assert.Equal("nl-NL", s.Page.DocumentElement.GetAttribute("lang"));
        await s.SubmitAsync("header form[action='/language']", button: ("lang", "en"));
        Assert.Equal("/account/login", s.Url);
        Assert.Equal("en-GB", s.Page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Log in", s.Text("h1"));
        await s.SubmitAsync("header form[action='/language']", button: ("lang", "nl"));
        Assert.Equal("Inloggen", s.Text("h1"));
    }
}

[Collection("sqlite")]
public sealed class AccountTestsOnSqlite(SqliteFixture f) : AccountTests(f);

[Collection("postgres")]
public sealed class AccountTestsOnPostgres(PostgresFixture f) : AccountTests(f);
