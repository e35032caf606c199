using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Storage;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Security;

/// <summary>
/// Security findings 3 and 4: no rate limit anywhere (400 logins in 28 s from one address, 5,000
/// post checks in 8 s), a lockout anyone could keep up for anyone, and a check-then-record race
/// that let 9 of 40 parallel attempts through a limit of 5.
/// </summary>
public abstract class LoginThrottlingTests(AppFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>An instance with its own clock and client addresses, and the given rate limit for account forms.</summary>
    /// <remarks>
    /// A bucket refills continuously (a limit of N per minute gives a token every 60/N seconds),
    /// so the tests of the limits use small ones: 5 per minute leaves 12 s before the first refill,
    /// far longer than a burst fired at once takes on a busy machine.
    /// </remarks>
    private WebApplicationFactory<Program> App(ManualTime time, int accountPerMinute = 1000, int postCheckPerMinute = 30) =>
        fixture.App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Richtsnoer:RateLimits:AccountPerMinute", accountPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Richtsnoer:RateLimits:PostCheckPerMinute", postCheckPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new TestRemoteAddress(IPAddress.Parse("192.0.2.10")));
            });
        });

    private static WebSession Session(WebApplicationFactory<Program> app, string ip)
    {
        var s = new WebSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        s.Client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, ip);
        return s;
    }

    private async Task<long> AttemptsAsync(string email)
    {
        await using var connection = await fixture.App.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM login_attempts WHERE email_normalized = @e", new { e = email.Trim().ToUpperInvariant() });
    }

    [Fact]
    public async Task Logins_from_one_address_get_429_with_retry_after_beyond_the_limit()
    {
        await using var app = App(new ManualTime(Now), accountPerMinute: 5);
        using var s = Session(app, "198.51.100.7");
        await s.GetAsync("/account/login");
        var token = s.Token();

        // All at once, as a script would: a slow sequential loop on a busy machine would measure
        // the refill instead of the limit.
        var ct = TestContext.Current.CancellationToken;
        var responses = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => s.Client.PostAsync(
            "/account/login",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Email", Flows.NewEmail($"spray{i}")), new("Password", "Welkom2026!")]),
            ct)));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests))
        {
            Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.Contains("Even rustig aan", await refused.Content.ReadAsStringAsync(ct));
        }

        Assert.Equal(5, statuses.Count(x => x == HttpStatusCode.OK));
        Assert.Equal(20, statuses.Count(x => x == HttpStatusCode.TooManyRequests));

        // Another address is not affected.
        using var other = Session(app, "198.51.100.8");
        await other.GetAsync("/account/login");
        await other.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [Flows.NewEmail()], ["Password"] = ["Welkom2026!"] }, follow: false);
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task An_attacker_cannot_keep_the_real_user_out_for_more_than_a_minute()
    {
        var time = new ManualTime(Now);
        await using var app = App(time);
        using var owner = Session(app, "203.0.113.1");
        var email = await Flows.RegisterAsync(owner);
        using var attacker = Session(app, "203.0.113.66");
        for (var i = 0; i < 30; i++)
        {
            await Flows.LoginAsync(attacker, email, $"gok {i} van de aanvaller");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, attacker.Status);
        Assert.Contains("seconden", attacker.Text("#e-Password"));
        Assert.Equal(5, await AttemptsAsync(email));

        // The real user waits at most a minute, then gets in; the attacker keeps guessing once a minute at most.
        using var user = Session(app, "203.0.113.2");
        await Flows.LoginAsync(user, email);
        Assert.Equal(HttpStatusCode.TooManyRequests, user.Status);
        time.Advance(TimeSpan.FromSeconds(61));
        await Flows.LoginAsync(user, email);
        Assert.StartsWith("/organisations", user.Url);
    }

    [Fact]
    public async Task Forty_parallel_wrong_passwords_get_no_more_than_five_password_checks()
    {
        var time = new ManualTime(Now);
        await using var app = App(time);
        using var owner = Session(app, "203.0.113.3");
        var email = await Flows.RegisterAsync(owner);

        var sessions = Enumerable.Range(0, 40).Select(i => Session(app, $"203.0.113.{100 + i}")).ToList();
        foreach (var s in sessions)
        {
            await s.GetAsync("/account/login");
        }

        await Task.WhenAll(sessions.Select((s, i) => s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [email], ["Password"] = [$"parallel {i}"] }, follow: false)));
        var throttled = sessions.Count(s => s.Status == HttpStatusCode.TooManyRequests);
        Assert.Equal(5, await AttemptsAsync(email));
        Assert.Equal(35, throttled);
        TestContext.Current.SendDiagnosticMessage($"40 parallel wrong passwords: {40 - throttled} checked, {throttled} refused without a check");
        sessions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Guessing_one_password_across_many_accounts_from_one_address_slows_down()
    {
        var time = new ManualTime(Now);
        await using var app = App(time);
        using var s = Session(app, "198.51.100.99");
        for (var i = 0; i < 20; i++)
        {
            await Flows.LoginAsync(s, Flows.NewEmail($"spray{i}"), "Zomer2026!");
            Assert.Equal(HttpStatusCode.OK, s.Status);
        }

        await Flows.LoginAsync(s, Flows.NewEmail("spray-next"), "Zomer2026!");
        Assert.Equal(HttpStatusCode.TooManyRequests, s.Status);

        // The same accounts from another address are not held up.
        using var elsewhere = Session(app, "198.51.100.100");
        await Flows.LoginAsync(elsewhere, Flows.NewEmail("spray-next"), "Zomer2026!");
        Assert.Equal(HttpStatusCode.OK, elsewhere.Status);
    }

    [Fact]
    public async Task Post_checks_from_one_user_get_429_problem_json_beyond_the_limit()
    {
        await using var app = App(new ManualTime(Now), postCheckPerMinute: 5);
        using var s = Session(app, "192.0.2.44");
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, "Snelle Vingers BV");
        await Flows.CompleteInterviewAsync(s, org);
        var ct = TestContext.Current.CancellationToken;
        // All at once: a slow loop would measure the refill instead of the limit.
        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => s.Client.PostAsJsonAsync($"/api/o/{org}/post-check", new { text = "Gewoon een bericht" }, ct)));
        var codes = responses.Select(r => r.StatusCode).ToList();
        var refused = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);

        Assert.Equal(5, codes.Count(c => c == HttpStatusCode.OK));
        Assert.NotNull(refused);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Contains("\"status\":429", await refused.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Test_drafts_on_the_other_words_page_share_the_post_check_limit()
    {
        await using var app = App(new ManualTime(Now), postCheckPerMinute: 5);
        using var s = Session(app, "192.0.2.45");
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, "Proefjes BV");
        await Flows.CompleteInterviewAsync(s, org);
        await s.GetAsync($"/o/{org}/protocol/check-terms");
        var token = s.Token();
        var ct = TestContext.Current.CancellationToken;
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => s.Client.PostAsync(
            $"/o/{org}/protocol/check-terms?handler=try",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Draft", "Gewoon een bericht")]),
            ct)));
        var codes = responses.Select(r => r.StatusCode).ToList();

        Assert.Equal(5, codes.Count(c => c == HttpStatusCode.OK));
        Assert.Equal(11, codes.Count(c => c == HttpStatusCode.TooManyRequests));
    }
}

[Collection("sqlite")]
public sealed class LoginThrottlingTestsOnSqlite(SqliteFixture f) : LoginThrottlingTests(f);

[Collection("postgres")]
public sealed class LoginThrottlingTestsOnPostgres(PostgresFixture f) : LoginThrottlingTests(f);
