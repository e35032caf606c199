using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Richtsnoer.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives: <c>Richtsnoer:Database:Provider</c> and <c>Richtsnoer:Database:ConnectionString</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// SQLite only: <c>Normal</c> (the default) or <c>Full</c>. In WAL mode Normal does not sync the
    /// log on every commit: a commit survives a crash or kill -9 of the app, not a power cut or an
    /// OS crash (the last commits before the next checkpoint can then be lost). Full syncs every
    /// commit (decision 026).
    /// </summary>
    public string SqliteSynchronous { get; set; } = "Normal";
}

/// <summary>
/// Opens connections to the configured database. Everything that differs between SQLite and
/// PostgreSQL is in this class and <see cref="Dialect"/>; the stores write plain SQL that both understand.
/// </summary>
public sealed class Database
{
    static Database()
    {
        // Ids are GUIDs and times are UTC instants in the code; SQLite keeps both as text.
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new InstantHandler());
    }

    public Database(DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Richtsnoer:Database:ConnectionString is empty.");
        }

        Provider = options.Provider;
        ConnectionString = options.ConnectionString;
        var synchronous = options.SqliteSynchronous.Trim().ToUpperInvariant() switch
        {
            "" or "NORMAL" => "NORMAL",
            "FULL" => "FULL",
            var other => throw new InvalidOperationException($"Richtsnoer:Database:SqliteSynchronous '{other}' is not supported; use Normal or Full."),
        };
        Dialect = new Dialect(Provider, synchronous);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public Dialect Dialect { get; }

    /// <summary>The SQLite file, when the provider is SQLite and the database is a file.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource is { Length: > 0 } f && f != ":memory:" ? Path.GetFullPath(f) : null
        : null;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = Create();
        await connection.OpenAsync(ct);
        await Dialect.PrepareAsync(connection);
        return connection;
    }

    public DbConnection Open()
    {
        var connection = Create();
        connection.Open();
        Dialect.PrepareAsync(connection).GetAwaiter().GetResult();
        return connection;
    }

    private DbConnection Create()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            return new NpgsqlConnection(ConnectionString);
        }

        if (SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        return new SqliteConnection(ConnectionString);
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value) =>
            parameter.Value = parameter is SqliteParameter ? value.ToString("D") : value;

        public override Guid Parse(object value) => value switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            _ => throw new InvalidCastException($"Cannot read a {value.GetType().Name} as a Guid."),
        };
    }

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) =>
            parameter.Value = parameter is SqliteParameter
                ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
                : value.UtcDateTime;

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
            DateTimeOffset o => o,
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => throw new InvalidCastException($"Cannot read a {value.GetType().Name} as a time."),
        };
    }
}

/// <summary>The few places where SQLite and PostgreSQL need different SQL.</summary>
public sealed class Dialect(DatabaseProvider provider, string sqliteSynchronous = "NORMAL")
{
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>Locks the selected row until the transaction ends (SQLite locks the whole file on write instead).</summary>
    public string ForUpdate => Provider == DatabaseProvider.Postgres ? " FOR UPDATE" : string.Empty;

    /// <summary>
    /// Locks the selected rows and skips rows another transaction holds, so concurrent workers take
    /// disjoint sets (SQLite: one writer at a time, nothing to skip).
    /// </summary>
    public string SkipLocked => Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty;

    public string MigrationFolder => Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";

    internal async Task PrepareAsync(DbConnection connection)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Per connection: enforce foreign keys, wait for a busy writer instead of failing at once,
            // the sync level of commits (the database is in WAL mode) and a page cache of 512 KB
            // instead of 2 MB: the pool keeps a connection for each request that was in flight at
            // once, and each would otherwise hold up to 2 MB of pages the OS caches anyway (decision 026).
            await connection.ExecuteAsync($"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = {sqliteSynchronous}; PRAGMA cache_size = -512;");
        }
    }

    /// <summary>
    /// Starts a transaction that writes. SQLite takes the write lock at once (BEGIN IMMEDIATE), so a
    /// read-modify-write cannot deadlock; PostgreSQL relies on <see cref="ForUpdate"/>.
    /// </summary>
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct = default) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

    /// <summary>
    /// Serialises transactions about one key (a login address, say) until the transaction ends:
    /// PostgreSQL takes an advisory lock on the key's hash; SQLite's write transaction already
    /// holds the only write lock.
    /// </summary>
    public async Task LockAsync(DbConnection connection, DbTransaction transaction, string key)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key }, transaction);
        }
    }

    private const long MigrationLock = 7205114;

    /// <summary>
    /// PostgreSQL: serialises migrations between instances that start at the same time.
    /// SQLite: write-ahead logging, so readers do not wait for the writer.
    /// </summary>
    internal async Task BeforeMigrationsAsync(DbConnection connection) =>
        await connection.ExecuteAsync(Provider == DatabaseProvider.Postgres
            ? $"SELECT pg_advisory_lock({MigrationLock})"
            : "PRAGMA journal_mode = WAL");

    internal async Task AfterMigrationsAsync(DbConnection connection)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await connection.ExecuteAsync($"SELECT pg_advisory_unlock({MigrationLock})");
        }
    }

    public bool IsUniqueViolation(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
