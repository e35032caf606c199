using Dapper;
using Richtsnoer.Core;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;
using Richtsnoer.Storage;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Adoption;

/// <summary>
/// Evidence is append-only and verifiable: the database refuses changes, and when someone with
/// direct access to the database gets around that (by dropping the triggers), the verifier names
/// the first entry or version that was touched.
/// </summary>
public abstract class EvidenceTests(Db db)
{
    private static readonly Actor Hr = new(null, "hr@voorbeeld.nl");

    /// <summary>A scratch database with one organisation, three audit entries and one version (its text from the bakery example).</summary>
    private async Task<(ScratchDatabase Scratch, Guid Org, Guid Version)> EvidenceAsync()
    {
        var scratch = await ScratchDatabase.CreateMigratedAsync(db);
        var org = Guid.NewGuid();
        await using (var connection = await scratch.Database.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO organisations (id, name, created_at) VALUES (@org, 'Bakkerij Bewijs', @at)", new { org, at = DateTimeOffset.UtcNow });
        }

        var audit = new AuditStore(scratch.Database, TimeProvider.System);
        await audit.AppendAsync(org, Hr, "draft.changed", null, new { answers = new[] { "org_name" } });
        await audit.AppendAsync(org, Hr, "draft.changed", null, new { answers = new[] { "sector" } });
        var versions = new VersionStore(scratch.Database, audit);
        var (outcome, id) = await versions.CreateAsync(org, Hr, null, Snapshot(org), substantive: true);
        Assert.Equal(CreateOutcome.Created, outcome);
        await versions.MoveAsync(org, id!.Value, VersionMove.Publish, Hr);
        return (scratch, org, id.Value);
    }

    public static VersionSnapshot Snapshot(Guid org)
    {
        var library = ContentLibrary.Default;
        var answers = Core.Answers.AnswersFile.Read(Path.Combine(TestDatabases.RepoRoot(), "examples", "answers", "bakkerij.yaml"), library).Answers!;
        var protocol = ProtocolAssembler.Assemble(library, answers, new AssemblyOptions(Language.Nl, "1.0"));
        return new VersionSnapshot(VersionSnapshot.CurrentFormat, org, "1.0", "content-test", "org_name: Bakkerij\n", ConsentRequirement.From(answers),
            [new SnapshotDocument(Language.Nl, DocumentKind.Protocol, protocol)]);
    }

    /// <summary>What an attacker with database access would do first: switch the append-only triggers off.</summary>
    private async Task DisableTriggersAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        if (db == Db.Postgres)
        {
            await connection.ExecuteAsync("ALTER TABLE audit_events DISABLE TRIGGER USER; ALTER TABLE protocol_versions DISABLE TRIGGER USER;");
        }
        else
        {
            foreach (var t in new[] { "audit_events_no_update", "audit_events_no_delete", "protocol_versions_no_update", "protocol_versions_no_delete" })
            {
                await connection.ExecuteAsync($"DROP TRIGGER {t}");
            }
        }
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_evidence()
    {
        var (scratch, _, _) = await EvidenceAsync();
        await using var __ = scratch;
        await using var connection = await scratch.Database.OpenAsync();
        var statements = new List<string>
        {
            "UPDATE audit_events SET actor = 'iemand' WHERE sequence = 1",
            "DELETE FROM audit_events WHERE sequence = 3",
            "UPDATE protocol_versions SET label = '9.9'",
            "DELETE FROM protocol_versions",
        };
        if (db == Db.Postgres)
        {
            statements.Add("TRUNCATE audit_events");
        }

        foreach (var sql in statements)
        {
            var e = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(sql));
            Assert.Contains("append-only", e.Message);
        }

        var report = await new EvidenceVerifier(scratch.Database, new AuditStore(scratch.Database, TimeProvider.System)).VerifyAsync();
        Assert.True(report.Intact, string.Join("\n", report.Problems));
        Assert.Equal(4, report.Entries);
        Assert.Equal(1, report.Versions);
    }

    [Fact]
    public async Task One_changed_byte_in_an_audit_entry_is_named()
    {
        var (scratch, org, _) = await EvidenceAsync();
        await using var __ = scratch;
        await DisableTriggersAsync(scratch.Database);
        await using (var connection = await scratch.Database.OpenAsync())
        {
            // "sector" becomes "sectar": one byte.
            Assert.Equal(1, await connection.ExecuteAsync("UPDATE audit_events SET data = REPLACE(data, 'sector', 'sectar') WHERE organisation_id = @org AND sequence = 2", new { org }));
        }

        var report = await new EvidenceVerifier(scratch.Database, new AuditStore(scratch.Database, TimeProvider.System)).VerifyAsync();
        var problem = Assert.Single(report.Problems);
        Assert.Equal("audit entry 2", problem.What);
        Assert.Equal(org, problem.OrganisationId);
    }

    [Fact]
    public async Task A_removed_audit_entry_is_named()
    {
        var (scratch, org, _) = await EvidenceAsync();
        await using var __ = scratch;
        await DisableTriggersAsync(scratch.Database);
        await using (var connection = await scratch.Database.OpenAsync())
        {
            await connection.ExecuteAsync("DELETE FROM audit_events WHERE organisation_id = @org AND sequence = 1", new { org });
        }

        var report = await new EvidenceVerifier(scratch.Database, new AuditStore(scratch.Database, TimeProvider.System)).VerifyAsync();
        Assert.Contains(report.Problems, p => p.What == "audit entry 1" && p.Reason.Contains("missing"));
    }

    [Fact]
    public async Task One_changed_byte_in_a_version_text_is_named_even_when_its_hash_column_is_rewritten_too()
    {
        var (scratch, _, version) = await EvidenceAsync();
        await using var __ = scratch;
        await DisableTriggersAsync(scratch.Database);
        var verifier = new EvidenceVerifier(scratch.Database, new AuditStore(scratch.Database, TimeProvider.System));
        string forged;
        await using (var connection = await scratch.Database.OpenAsync())
        {
            var text = await connection.ExecuteScalarAsync<string>("SELECT snapshot FROM protocol_versions WHERE id = @version", new { version });
            var at = text!.IndexOf("Bakkerij", StringComparison.Ordinal);
            forged = text[..at] + "Bakkerij".Replace('k', 'c') + text[(at + 8)..];
            await connection.ExecuteAsync("UPDATE protocol_versions SET snapshot = @forged WHERE id = @version", new { forged, version });
        }

        var first = Assert.Single((await verifier.VerifyAsync()).Problems);
        Assert.Contains($"version 1.0 ({version})", first.What);
        Assert.Contains("SHA-256", first.Reason);

        await using (var connection = await scratch.Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE protocol_versions SET sha256 = @sha WHERE id = @version", new { sha = VersionSnapshot.Hash(forged), version });
        }

        var second = Assert.Single((await verifier.VerifyAsync()).Problems);
        Assert.Contains($"version 1.0 ({version})", second.What);
        Assert.Contains("audit trail recorded", second.Reason);
    }
}

public sealed class EvidenceTestsOnSqlite() : EvidenceTests(Db.Sqlite);

public sealed class EvidenceTestsOnPostgres() : EvidenceTests(Db.Postgres);
