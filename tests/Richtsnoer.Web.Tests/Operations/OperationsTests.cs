using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Storage;
using Richtsnoer.Storage.Migrations;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Operations;

public abstract class OperationsTests(AppFixture fixture)
{
    [Fact]
    public async Task Health_reports_the_database_and_its_schema_version()
    {
        using var s = fixture.App.Session();
        var response = await s.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var description = json.RootElement.GetProperty("checks")[0].GetProperty("description").GetString();
        Assert.Contains(fixture.Db == Db.Postgres ? "Postgres" : "Sqlite", description);
        Assert.Contains($"schema version {Migrator.For(fixture.Db == Db.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite).Max(m => m.Version)}", description);
    }

    [Fact]
    public async Task Migrations_run_once_and_are_recorded()
    {
        var migrator = fixture.App.Services.GetRequiredService<Migrator>();
        Assert.Equal(0, await migrator.MigrateAsync(TestContext.Current.CancellationToken));
        var files = Migrator.For(fixture.Db == Db.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite);
        Assert.Equal(files.Max(m => m.Version), await migrator.CurrentVersionAsync(TestContext.Current.CancellationToken));
        Assert.Equal(files.Select(f => f.Name), Migrator.For(DatabaseProvider.Sqlite).Select(f => f.Name));
    }

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_404_without_internals()
    {
        using var s = fixture.App.Session();
        await s.GetAsync("/bestaat/niet");
        Assert.Equal(HttpStatusCode.NotFound, s.Status);
        Assert.Equal("Deze pagina bestaat niet", s.Text("h1"));
        Assert.DoesNotContain("Exception", s.Html);
        Assert.DoesNotContain(" at Richtsnoer", s.Html);
    }

    [Fact]
    public async Task An_unexpected_error_shows_a_friendly_page_without_a_stack_trace()
    {
        await using var failing = fixture.App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, FailingEndpoint>()));
        using var client = failing.CreateClient();
        var response = await client.GetAsync("/test/failure");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Er ging iets mis", html);
        Assert.DoesNotContain("geheime details", html);
        Assert.DoesNotContain("InvalidOperationException", html);
    }

    /// <summary>An endpoint that fails, behind the app's own error handling.</summary>
    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/failure", b => b.Run(_ => throw new InvalidOperationException("geheime details")));
        };
    }

    [Fact]
    public async Task Every_page_sends_a_strict_content_security_policy()
    {
        using var s = fixture.App.Session();
        await s.GetAsync("/account/login");
        var csp = string.Join(";", s.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", s.Response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_accepts_the_cookies_of_the_first()
    {
        using var s = fixture.App.Session();
        await Flows.RegisterAsync(s);
        var org = await Flows.CreateOrganisationAsync(s, "Twee Servers BV");
        var cookies = string.Join("; ", s.Response.RequestMessage!.Headers.GetValues("Cookie"));

        // The same browser, now served by another instance: same auth cookie and antiforgery pair.
        await using var second = fixture.SecondInstance();
        using var other = second.Session();
        other.Client.DefaultRequestHeaders.Add("Cookie", cookies);

        await other.GetAsync($"/o/{org}/interview/organisation");
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal("Twee Servers BV", other.Page.QuerySelector("#q-org_name")!.GetAttribute("value"));
        await other.SubmitAsync("#wizard", new Dictionary<string, string[]> { ["q.sector"] = ["ict"] }, ("nav", "next"));
        Assert.Equal($"/o/{org}/interview/works-council", other.Url);

        await using var connection = await fixture.App.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys") >= 1);
    }
}

[Collection("sqlite")]
public sealed class OperationsTestsOnSqlite(SqliteFixture f) : OperationsTests(f);

[Collection("postgres")]
public sealed class OperationsTestsOnPostgres(PostgresFixture f) : OperationsTests(f);
