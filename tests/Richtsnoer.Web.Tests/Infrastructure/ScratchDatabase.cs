using Microsoft.Extensions.Logging.Abstractions;
using Richtsnoer.Storage;
using Richtsnoer.Storage.Migrations;

namespace Richtsnoer.Web.Tests.Infrastructure;

/// <summary>An empty database of one kind for store-level tests, removed afterwards.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? postgresName;

    private ScratchDatabase(Db db, string connectionString, string? postgresName)
    {
        Db = db;
        this.postgresName = postgresName;
        Database = new Database(new DatabaseOptions { Provider = Provider, ConnectionString = connectionString });
    }

    public Db Db { get; }

    public DatabaseProvider Provider => Db == Db.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public Database Database { get; }

    public Migrator Migrator() => new(Database, NullLogger<Migrator>.Instance);

    public static async Task<ScratchDatabase> CreateAsync(Db db)
    {
        if (db == Db.Postgres)
        {
            var (cs, name) = await TestDatabases.NewPostgresAsync();
            return new ScratchDatabase(db, cs, name);
        }

        return new ScratchDatabase(db, TestDatabases.NewSqlite(), null);
    }

    /// <summary>An empty database with every migration applied.</summary>
    public static async Task<ScratchDatabase> CreateMigratedAsync(Db db)
    {
        var scratch = await CreateAsync(db);
        await scratch.Migrator().MigrateAsync(TestContext.Current.CancellationToken);
        return scratch;
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresName is not null)
        {
            await TestDatabases.DropPostgresAsync(postgresName);
        }
        else
        {
            TestDatabases.DeleteSqlite(Database.ConnectionString);
        }
    }
}
