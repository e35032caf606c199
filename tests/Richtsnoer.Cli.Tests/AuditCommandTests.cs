using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Richtsnoer.Storage;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Storage.Migrations;

namespace Richtsnoer.Cli.Tests;

/// <summary><c>richtsnoer audit verify</c> against a real SQLite database made by the storage layer.</summary>
public sealed class AuditCommandTests
{
    private static async Task<(string File, Guid Org)> DatabaseAsync()
    {
        var file = Path.Combine(CliRunner.TempDir(), "richtsnoer.db");
        var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" });
        await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync();
        var org = Guid.NewGuid();
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO organisations (id, name, created_at) VALUES (@org, 'Drukkerij', @at)", new { org, at = DateTimeOffset.UtcNow });
        }

        var audit = new AuditStore(database, TimeProvider.System);
        for (var i = 0; i < 3; i++)
        {
            await audit.AppendAsync(org, new Actor(null, "hr@drukkerij.nl"), "draft.changed", null, new { answers = new[] { "q" + i } });
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (file, org);
    }

    [Fact]
    public async Task An_untouched_database_verifies_and_one_changed_byte_is_named_with_exit_code_1()
    {
        var (file, org) = await DatabaseAsync();
        var ok = CliRunner.Run("audit", "verify", "--database", file);
        Assert.True(ok.ExitCode == 0, ok.Out + ok.Error);
        Assert.Contains("3 audit entries", ok.Out);
        Assert.Contains("intact", ok.Out);

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await connection.ExecuteAsync("DROP TRIGGER audit_events_no_update");
            await connection.ExecuteAsync("UPDATE audit_events SET data = REPLACE(data, 'q1', 'q7') WHERE sequence = 2");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var broken = CliRunner.Run("audit", "verify", "--database", file);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"BROKEN organisation {org}: audit entry 2 its contents do not match its hash", broken.Out);
    }

    [Fact]
    public void A_missing_database_is_a_clear_usage_error()
    {
        var r = CliRunner.Run("audit", "verify", "--database", Path.Combine(CliRunner.TempDir(), "bestaat-niet.db"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("niet gevonden", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }
}
