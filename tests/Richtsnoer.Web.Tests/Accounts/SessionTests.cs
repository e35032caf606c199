using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Storage;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Accounts;

/// <summary>
/// Security finding 2: a copied login cookie kept working for 12 hours after logout, on every
/// instance, and there was no password change or reset. Now the security stamp is checked on
/// every request and changes on logout, password change and reset.
/// </summary>
public abstract partial class SessionTests(AppFixture fixture)
{
    private static string CookiesOf(WebSession s) => string.Join("; ", s.Response.RequestMessage!.Headers.GetValues("Cookie"));

    private static WebSession Replay(RichtsnoerApp app, string cookies)
    {
        var s = app.Session();
        s.Client.DefaultRequestHeaders.Add("Cookie", cookies);
        return s;
    }

    [GeneratedRegex(@"https?://[^\s]+/account/reset\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task A_cookie_copied_before_logout_is_refused_afterwards_on_this_instance_and_on_another()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, "Uitlog BV");
        var copied = CookiesOf(s);

        await using var second = fixture.SecondInstance();
        using (var before = Replay(second, copied))
        {
            await before.GetAsync($"/o/{org}/interview/organisation");
            Assert.Equal(HttpStatusCode.OK, before.Status);
        }

        await s.GetAsync("/organisations");
        await s.SubmitAsync("header form[action='/account/logout']");
        Assert.Contains("uitgelogd", s.Text(".notice"));

        foreach (var app in new[] { fixture.App, second })
        {
            using var replay = Replay(app, copied);
            await replay.GetAsync($"/o/{org}/interview/organisation", follow: false);
            Assert.Equal(HttpStatusCode.Redirect, replay.Status);
            Assert.StartsWith("/account/login", replay.Response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty));
        }
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_keeps_this_one_and_tells_the_owner()
    {
        using var s = fixture.App.Session();
        var email = await Flows.RegisterAsync(s);
        using var other = fixture.App.Session();
        await Flows.LoginAsync(other, email);
        await other.GetAsync("/organisations");
        Assert.Equal(HttpStatusCode.OK, other.Status);

        await s.GetAsync("/account/password");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Current"] = ["fout wachtwoord 123"], ["Password"] = ["een nieuw lang wachtwoord"], ["PasswordAgain"] = ["een nieuw lang wachtwoord"] });
        Assert.Contains("niet uw huidige wachtwoord", s.Text("#e-Current"));

        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Current"] = [Flows.Password], ["Password"] = ["een nieuw lang wachtwoord"], ["PasswordAgain"] = ["een nieuw lang wachtwoord"] });
        Assert.Contains("gewijzigd", s.Text(".notice"));
        await s.GetAsync("/organisations");
        Assert.Equal(HttpStatusCode.OK, s.Status);

        await other.GetAsync("/organisations", follow: false);
        Assert.Equal(HttpStatusCode.Redirect, other.Status);

        using var fresh = fixture.App.Session();
        await Flows.LoginAsync(fresh, email);
        Assert.Contains("horen niet bij elkaar", fresh.Text("#e-Password"));
        await Flows.LoginAsync(fresh, email, "een nieuw lang wachtwoord");
        Assert.StartsWith("/organisations", fresh.Url);

        Assert.Contains("password-changed", await TemplatesSentToAsync(email));
    }

    [Fact]
    public async Task A_reset_link_works_once_within_the_hour_ends_every_session_and_the_answer_never_reveals_an_account()
    {
        using var s = fixture.App.Session();
        var email = await Flows.RegisterAsync(s);

        using var anonymous = fixture.App.Session();
        await anonymous.GetAsync("/account/forgot");
        await anonymous.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = ["niemand-" + email] });
        var unknownAnswer = anonymous.Text(".notice");
        await anonymous.GetAsync("/account/forgot");
        await anonymous.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [email.ToUpperInvariant()] });
        Assert.Equal(unknownAnswer, anonymous.Text(".notice"));
        Assert.Contains("Als er een account", unknownAnswer);
        Assert.Empty(await TemplatesSentToAsync("niemand-" + email));

        var body = await TextBodyAsync(email, "password-reset");
        var link = ResetLink().Match(body).Value;
        Assert.NotEmpty(link);
        var path = new Uri(link).PathAndQuery;

        // Only the token's hash is stored.
        var token = path[(path.IndexOf('=') + 1)..];
        await using (var connection = await fixture.App.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM password_resets WHERE token_hash = @token", new { token }));
        }

        await anonymous.GetAsync(path);
        await anonymous.SubmitAsync("main form", new Dictionary<string, string[]> { ["Password"] = ["kort"], ["PasswordAgain"] = ["kort"] });
        Assert.NotNull(anonymous.Page.QuerySelector("#e-Password"));
        await anonymous.SubmitAsync("main form", new Dictionary<string, string[]> { ["Password"] = ["hersteld wachtwoord 2027"], ["PasswordAgain"] = ["hersteld wachtwoord 2027"] });
        Assert.StartsWith("/account/login", anonymous.Url);
        Assert.Contains("opgeslagen", anonymous.Text(".notice"));

        // The session that was open before the reset has ended; the link does not work twice.
        await s.GetAsync("/organisations", follow: false);
        Assert.Equal(HttpStatusCode.Redirect, s.Status);
        await anonymous.GetAsync(path);
        Assert.Contains("werkt niet", anonymous.Text(".notice"));
        Assert.Null(anonymous.Page.QuerySelector("input[name=Password]"));

        await Flows.LoginAsync(anonymous, email, "hersteld wachtwoord 2027");
        Assert.StartsWith("/organisations", anonymous.Url);
    }

    [Fact]
    public async Task An_expired_or_made_up_reset_link_does_not_work()
    {
        using var s = fixture.App.Session();
        var email = await Flows.RegisterAsync(s);
        using var anonymous = fixture.App.Session();
        await anonymous.GetAsync("/account/reset?token=verzonnen-token");
        Assert.Contains("werkt niet", anonymous.Text(".notice"));

        await anonymous.GetAsync("/account/forgot");
        await anonymous.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [email] });
        var path = new Uri(ResetLink().Match(await TextBodyAsync(email, "password-reset")).Value).PathAndQuery;
        await using (var connection = await fixture.App.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync(
                "UPDATE password_resets SET expires_at = @past WHERE user_id = (SELECT id FROM users WHERE email = @email)",
                new { past = DateTimeOffset.UtcNow.AddMinutes(-1), email });
        }

        await anonymous.GetAsync(path);
        Assert.Contains("werkt niet", anonymous.Text(".notice"));
    }

    private async Task<string> TemplatesSentToAsync(string email)
    {
        await using var connection = await fixture.App.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        return string.Join(",", await connection.QueryAsync<string>("SELECT template FROM email_outbox WHERE to_address = @email ORDER BY created_at", new { email }));
    }

    private async Task<string> TextBodyAsync(string email, string template)
    {
        await using var connection = await fixture.App.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        return await connection.QuerySingleAsync<string>(
            "SELECT text_body FROM email_outbox WHERE to_address = @email AND template = @template ORDER BY created_at DESC LIMIT 1", new { email, template });
    }
}

[Collection("sqlite")]
public sealed class SessionTestsOnSqlite(SqliteFixture f) : SessionTests(f);

[Collection("postgres")]
public sealed class SessionTestsOnPostgres(PostgresFixture f) : SessionTests(f);
