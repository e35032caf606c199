using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Richtsnoer.Web.Tests.Infrastructure;

/// <summary>The real app on a chosen database, in the "Testing" environment (friendly error pages, as in production).</summary>
public sealed class RichtsnoerApp(Db db, string connectionString) : WebApplicationFactory<Program>
{
    public Db Db { get; } = db;

    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Richtsnoer:Database:Provider", Db == Db.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("Richtsnoer:Database:ConnectionString", ConnectionString);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error));
    }

    public WebSession Session() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}

/// <summary>One app and one database per database kind, shared by the tests of a collection.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    private string? postgresName;

    public abstract Db Db { get; }

    public RichtsnoerApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        string connectionString;
        if (Db == Db.Postgres)
        {
            (connectionString, postgresName) = await TestDatabases.NewPostgresAsync();
        }
        else
        {
            connectionString = TestDatabases.NewSqlite();
        }

        App = new RichtsnoerApp(Db, connectionString);
        _ = App.Server; // starts the app and migrates the database
    }

    /// <summary>A second instance of the app on the same database, as in a multi-instance deployment.</summary>
    public RichtsnoerApp SecondInstance() => new(Db, App.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (postgresName is not null)
        {
            await TestDatabases.DropPostgresAsync(postgresName);
        }
        else
        {
            TestDatabases.DeleteSqlite(App.ConnectionString);
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteFixture : AppFixture
{
    public override Db Db => Db.Sqlite;
}

public sealed class PostgresFixture : AppFixture
{
    public override Db Db => Db.Postgres;
}

[CollectionDefinition("sqlite")]
public sealed class SqliteCollection : ICollectionFixture<SqliteFixture>;

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
