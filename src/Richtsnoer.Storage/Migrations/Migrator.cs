using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Richtsnoer.Storage.Migrations;

public sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Applies the numbered SQL files of the configured database (embedded in this assembly) that
/// the schema_version table does not list yet, each in its own transaction.
/// </summary>
public sealed partial class Migrator(Database database, ILogger<Migrator> logger)
{
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
            list.Add(new Migration(int.Parse(m.Groups["version"].Value), m.Groups["name"].Value, reader.ReadToEnd()));
        }

        return list.OrderBy(x => x.Version).ToList();
    }

    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await database.Dialect.BeforeMigrationsAsync(connection);
        try
        {
            return await ApplyAsync(connection, ct);
        }
        finally
        {
            await database.Dialect.AfterMigrationsAsync(connection);
        }
    }

    private async Task<int> ApplyAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        var time = database.Provider == DatabaseProvider.Postgres ? "timestamptz" : "TEXT";
        await connection.ExecuteAsync($"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at {time} NOT NULL)");

        var applied = 0;
        foreach (var migration in For(database.Provider))
        {
            await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
            var done = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version WHERE version = @Version", new { migration.Version }, tx);
            if (done > 0)
            {
                await tx.RollbackAsync(ct);
                continue;
            }

            await connection.ExecuteAsync(migration.Sql, transaction: tx);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow },
                tx);
            await tx.CommitAsync(ct);
            applied++;
            logger.LogInformation("Applied migration {Version} {Name} on {Provider}", migration.Version, migration.Name, database.Provider);
        }

        return applied;
    }

    public async Task<int> CurrentVersionAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version") ?? 0;
    }
}
