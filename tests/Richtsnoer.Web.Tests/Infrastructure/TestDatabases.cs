using System.Diagnostics;
using Npgsql;

namespace Richtsnoer.Web.Tests.Infrastructure;

public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh database per test run: an SQLite file under the temp folder, or a new PostgreSQL
/// database on the server named by RICHTSNOER_TEST_POSTGRES. When that variable is missing the
/// private cluster is started with scripts/test-postgres.sh, so a plain <c>dotnet test</c> works.
/// </summary>
public static class TestDatabases
{
    private static readonly Lazy<string> PostgresServer = new(FindPostgres);

    public static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Richtsnoer.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        var built = typeof(TestDatabases).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "Richtsnoer.sln")))
        {
            return Path.GetFullPath(built);
        }

        throw new InvalidOperationException("Cannot find the repository root (Richtsnoer.sln).");
    }

    public static string NewSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "richtsnoer-tests");
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}.db")}";
    }

    /// <summary>Removes a test's SQLite file and its write-ahead log.</summary>
    public static void DeleteSqlite(string connectionString)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Still open somewhere: the temp folder is cleaned by the system.
            }
        }
    }

    public static async Task<(string ConnectionString, string Name)> NewPostgresAsync()
    {
        var server = PostgresServer.Value;
        var name = $"richtsnoer_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await cmd.ExecuteNonQueryAsync();
        }

        return (new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, name);
    }

    public static async Task DropPostgresAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresServer.Value);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string FindPostgres()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("RICHTSNOER_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment.Trim();
        }

        var script = Path.Combine(RepoRoot(), "scripts", "test-postgres.sh");
        var start = new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot run " + script);
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(line))
        {
            throw new InvalidOperationException($"scripts/test-postgres.sh start failed ({process.ExitCode}): {error}");
        }

        return line;
    }
}
