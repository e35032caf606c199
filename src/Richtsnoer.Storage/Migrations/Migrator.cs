using System.Data;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Engine.Transactions;
using Microsoft.Extensions.Logging;

namespace Richtsnoer.Storage.Migrations;

public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>The script's name for DbUp: the file name, <c>0002_email_outbox.sql</c>.</summary>
    public string FileName => $"{Version:D4}_{Name}.sql";
}

/// <summary>
/// Applies the numbered SQL files of the configured database (embedded in this assembly) through
/// DbUp, one transaction per file. The journal is the schema_version table the own migrator of
/// November created, so a database made by that version upgrades in place (decision 011).
/// </summary>
public sealed partial class Migrator(Database database, ILogger<Migrator> logger)
{
    /// <summary>Serialises migrations of one SQLite file within a process (PostgreSQL uses an advisory lock).</summary>
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    [GeneratedRegex(@"\.(?<folder>sqlite|postgres)\.(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();

    public static IReadOnlyList<Migration> For(DatabaseProvider provider)
    {
        var folder = new Dialect(provider).MigrationFolder;
        var assembly = typeof(Migrator).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var m = ResourceName().Match(resource);
            if (!m.Success || m.Groups["folder"].Value != folder)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(int.Parse(m.Groups["version"].Value, CultureInfo.InvariantCulture), m.Groups["name"].Value, reader.ReadToEnd()));
        }

        return list.OrderBy(x => x.Version).ToList();
    }

    /// <summary>Applies every pending migration; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        var sqlite = database.Provider == DatabaseProvider.Sqlite;
        if (sqlite)
        {
            await SqliteGate.WaitAsync(ct);
        }

        try
        {
            // The lock connection stays open while DbUp works on its own connection.
            await using var connection = await database.OpenAsync(ct);
            await database.Dialect.BeforeMigrationsAsync(connection);
            try
            {
                return Upgrade();
            }
            finally
            {
                await database.Dialect.AfterMigrationsAsync(connection);
            }
        }
        finally
        {
            if (sqlite)
            {
                SqliteGate.Release();
            }
        }
    }

    private int Upgrade()
    {
        var scripts = For(database.Provider).Select(m => new SqlScript(m.FileName, m.Sql)).ToArray();
        UpgradeEngineBuilder builder = database.Provider == DatabaseProvider.Postgres
            ? DeployChanges.To.PostgresqlDatabase(database.ConnectionString)
            : DeployChanges.To.SqliteDatabase(database.ConnectionString);
        var engine = builder
            .WithScripts(scripts)
            .JournalTo((connections, _) => new SchemaVersionJournal(database.Provider, connections))
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogTo(logger)
            .Build();

        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration {result.ErrorScript?.Name ?? "?"} failed on {database.Provider}; the database is left at the last migration that succeeded.",
                result.Error);
        }

        foreach (var script in result.Scripts)
        {
            logger.LogInformation("Applied migration {Script} on {Provider}", script.Name, database.Provider);
        }

        return result.Scripts.Count();
    }

    public async Task<int> CurrentVersionAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version") ?? 0;
    }

    /// <summary>
    /// DbUp's journal on the schema_version table (version, name, applied_at), which predates DbUp:
    /// script <c>0001_initial.sql</c> is row (1, 'initial').
    /// </summary>
    private sealed partial class SchemaVersionJournal(DatabaseProvider provider, Func<IConnectionManager> connections) : IJournal
    {
        [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
        private static partial Regex ScriptName();

        private string CreateTable => provider == DatabaseProvider.Postgres
            ? "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at timestamptz NOT NULL)"
            : "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

        public string[] GetExecutedScripts() =>
            connections().ExecuteCommandsWithManagedConnection(factory =>
            {
                Run(factory, CreateTable);
                using var command = factory();
                command.CommandText = "SELECT version, name FROM schema_version ORDER BY version";
                using var reader = command.ExecuteReader();
                var names = new List<string>();
                while (reader.Read())
                {
                    names.Add($"{Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture):D4}_{reader.GetString(1)}.sql");
                }

                return names.ToArray();
            });

        public void StoreExecutedScript(SqlScript script, Func<IDbCommand> dbCommandFactory)
        {
            var m = ScriptName().Match(script.Name);
            if (!m.Success)
            {
                throw new InvalidOperationException($"Migration '{script.Name}' is not named NNNN_name.sql.");
            }

            using var command = dbCommandFactory();
            command.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)";
            Add(command, "version", int.Parse(m.Groups["version"].Value, CultureInfo.InvariantCulture));
            Add(command, "name", m.Groups["name"].Value);
            Add(command, "at", provider == DatabaseProvider.Postgres
                ? DateTime.UtcNow
                : DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }

        public void EnsureTableExistsAndIsLatestVersion(Func<IDbCommand> dbCommandFactory) => Run(dbCommandFactory, CreateTable);

        private static void Run(Func<IDbCommand> factory, string sql)
        {
            using var command = factory();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private static void Add(IDbCommand command, string name, object value)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
    }
}
