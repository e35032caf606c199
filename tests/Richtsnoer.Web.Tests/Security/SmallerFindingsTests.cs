using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Storage;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Security;

/// <summary>Security finding 7, the smaller points, one test each.</summary>
public abstract class SmallerFindingsTests(AppFixture fixture)
{
    [Fact]
    public async Task An_oversized_field_or_too_many_fields_get_413_and_the_friendly_page_not_500()
    {
        using var s = fixture.App.Session();
        await s.GetAsync("/account/register");
        var token = s.Token();
        await s.PostAsync("/account/register", [new("__RequestVerificationToken", token), new("Email", new string('a', 4 * 1024 * 1024))]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, s.Status);
        Assert.Equal("Dat is te veel in één keer", s.Text("h1"));

        await s.GetAsync("/account/register");
        token = s.Token();
        var many = Enumerable.Range(0, 5000).Select(i => new KeyValuePair<string, string>($"f{i}", "x")).Prepend(new("__RequestVerificationToken", token));
        await s.PostAsync("/account/register", many);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, s.Status);
        Assert.DoesNotContain("Dat is onze fout", s.Html);
    }

    [Fact]
    public async Task Downloads_are_not_cached()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, "Geen Cache BV");
        await Flows.CompleteInterviewAsync(s, org);
        var (response, _) = await s.DownloadAsync($"/o/{org}/download/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [Theory]
    [InlineData("1234567890", "veelgebruikte")]
    [InlineData("\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b", "zichtbare")]
    [InlineData("          ", "zichtbare")]
    [InlineData("aaaaaaaaaaaa", "verschillende")]
    [InlineData("Wachtwoord123", "veelgebruikte")]
    public async Task Common_and_invisible_passwords_are_refused(string password, string reason)
    {
        using var s = fixture.App.Session();
        await s.GetAsync("/account/register");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Email"] = [Flows.NewEmail()], ["Password"] = [password], ["PasswordAgain"] = [password] });
        Assert.Equal("/account/register", s.Url);
        Assert.Contains(reason, s.Text("#e-Password"));
    }

    [Fact]
    public async Task Own_clauses_and_organisations_per_account_are_capped()
    {
        await using var app = fixture.App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Richtsnoer:Limits:OwnClauses", "2");
            b.UseSetting("Richtsnoer:Limits:OrganisationsPerAccount", "2");
        });
        using var s = new WebSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, "Eerste");
        await Flows.CompleteInterviewAsync(s, org);
        for (var i = 0; i < 3; i++)
        {
            await s.GetAsync($"/o/{org}/protocol/own");
            await s.SubmitAsync("main form.form", new Dictionary<string, string[]> { ["Section"] = ["conduct"], ["TitleNl"] = [$"Eigen {i}"], ["TextNl"] = ["Tekst."] });
        }

        Assert.Contains("maximum", s.Text(".error-summary"));
        await s.GetAsync($"/o/{org}/protocol");
        Assert.Contains("Eigen 1", s.Html);
        Assert.DoesNotContain("Eigen 2", s.Html);

        await Flows.CreateOrganisationAsync(s, "Tweede");
        await s.GetAsync("/organisations/new");
        await s.SubmitAsync("main form", new Dictionary<string, string[]> { ["Name"] = ["Derde"] });
        Assert.Equal("/organisations/new", s.Url);
        Assert.Contains("maximum", s.Text(".error-summary"));
    }

    [Fact]
    public async Task Error_pages_answer_with_their_status_and_api_errors_are_problem_json()
    {
        using var s = fixture.App.Session();
        await s.GetAsync("/error/500");
        Assert.Equal(HttpStatusCode.InternalServerError, s.Status);

        await Flows.RegisterAsync(s);
        var ct = TestContext.Current.CancellationToken;
        var foreign = await s.Client.PostAsJsonAsync($"/api/o/{Guid.NewGuid()}/post-check", new { text = "hallo" }, ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await foreign.Content.ReadAsStringAsync(ct));
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());

        var unknown = await s.Client.GetAsync("/api/bestaat-niet", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Every_page_sends_a_permissions_policy()
    {
        using var s = fixture.App.Session();
        await s.GetAsync("/");
        Assert.Contains("camera=()", s.Response.Headers.GetValues("Permissions-Policy").Single());
    }

    [Fact]
    public async Task Removing_the_owner_says_it_cannot_and_keeps_the_owner()
    {
        using var s = fixture.App.Session();
        var email = await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, "Eigenaar Blijft BV");
        await s.GetAsync($"/o/{org}/members");
        var token = s.Token();
        await using var connection = await fixture.App.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        var ownerId = await connection.ExecuteScalarAsync<string>("SELECT CAST(id AS TEXT) FROM users WHERE email = @email", new { email });
        await s.PostAsync($"/o/{org}/members?handler=remove", [new("__RequestVerificationToken", token), new("userId", ownerId!)]);
        Assert.Equal(HttpStatusCode.Conflict, s.Status);
        Assert.Contains("altijd haar eigenaar", s.Html);
        Assert.DoesNotContain("is verwijderd", s.Html);
        await s.GetAsync($"/o/{org}/members");
        Assert.Contains(email, s.Text("table.list"));
    }

    [Fact]
    public async Task With_a_certificate_configured_the_key_ring_is_stored_encrypted()
    {
        var dir = Directory.CreateTempSubdirectory("rs-dp");
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Richtsnoer data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(dir.FullName, "dp.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "geheim"), TestContext.Current.CancellationToken);

            await using var scratch = await ScratchDatabase.CreateAsync(fixture.Db);
            await using var app = new RichtsnoerApp(fixture.Db, scratch.Database.ConnectionString).WithWebHostBuilder(b =>
            {
                b.UseSetting("Richtsnoer:DataProtection:CertificateFile", pfx);
                b.UseSetting("Richtsnoer:DataProtection:CertificatePassword", "geheim");
            });
            using var s = new WebSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
            await Flows.RegisterAsync(s);
            await s.GetAsync("/organisations/new");
            Assert.Equal(HttpStatusCode.OK, s.Status);

            await using var connection = await scratch.Database.OpenAsync(TestContext.Current.CancellationToken);
            var xml = string.Join("\n", await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys"));
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}

[Collection("sqlite")]
public sealed class SmallerFindingsTestsOnSqlite(SqliteFixture f) : SmallerFindingsTests(f);

[Collection("postgres")]
public sealed class SmallerFindingsTestsOnPostgres(PostgresFixture f) : SmallerFindingsTests(f);
