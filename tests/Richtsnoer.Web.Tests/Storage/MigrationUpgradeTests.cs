using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Richtsnoer.Core.Content;
using Richtsnoer.Storage;
using Richtsnoer.Storage.Migrations;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Storage;

/// <summary>
/// A database made by the previous version (its own migrator: a schema_version table it created
/// itself, then 0001_initial.sql) upgrades in place through DbUp, and every old row is still read.
/// </summary>
public abstract class MigrationUpgradeTests(Db db)
{
    [Fact]
    public async Task A_database_of_the_previous_version_is_upgraded_in_place_without_losing_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateAsync(db);
        var database = scratch.Database;
        var userId = Guid.NewGuid();
        var orgId = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);
        var answers = "org_name: Bakkerij De Korst\nsector: retail_horeca\nworks_council: false\n";

        await using (var connection = await database.OpenAsync(ct))
        {
            // Exactly what the November migrator did: its own table, then the first file, then its row.
            var time = db == Db.Postgres ? "timestamptz" : "TEXT";
            await connection.ExecuteAsync($"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at {time} NOT NULL)");
            await connection.ExecuteAsync(Migrator.For(scratch.Provider).Single(m => m.Version == 1).Sql);
            await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (1, 'initial', @at)", new { at });

            await connection.ExecuteAsync(
                "INSERT INTO users (id, email, email_normalized, password_hash, security_stamp, language, created_at) VALUES (@userId, 'Sanne@Example.nl', 'SANNE@EXAMPLE.NL', 'hash', 'stamp', 'en', @at)",
                new { userId, at });
            await connection.ExecuteAsync("INSERT INTO organisations (id, name, created_at) VALUES (@orgId, 'Bakkerij De Korst', @at)", new { orgId, at });
            await connection.ExecuteAsync("INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (@orgId, @userId, 'owner', @at)", new { orgId, userId, at });
            await connection.ExecuteAsync(
                "INSERT INTO protocols (organisation_id, answers, status, current_step, revision, updated_at, updated_by) VALUES (@orgId, @answers, 'interview', 'contacts', 7, @at, @userId)",
                new { orgId, answers, at, userId });
            await connection.ExecuteAsync("INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES ('key-1', '<key/>', @at)", new { at });
        }

        var applied = await scratch.Migrator().MigrateAsync(ct);

        var files = Migrator.For(scratch.Provider);
        Assert.Equal(files.Count - 1, applied);
        Assert.Equal(files.Max(f => f.Version), await scratch.Migrator().CurrentVersionAsync(ct));
        Assert.Equal(0, await scratch.Migrator().MigrateAsync(ct));

        var user = await new UserStore(database).FindByEmailAsync("sanne@example.nl", ct);
        Assert.NotNull(user);
        Assert.Equal(userId, user.Id);
        Assert.Equal("en", user.Language);
        Assert.Equal(at, user.CreatedAt);

        var organisations = new OrganisationStore(database, new AnswersCodec(ContentLibrary.Default, NullLogger<AnswersCodec>.Instance), new Richtsnoer.Storage.Email.OutboxStore(database, TimeProvider.System), new Richtsnoer.Storage.Adoption.AuditStore(database, TimeProvider.System));
        var member = Assert.Single(await organisations.ListMembersAsync(orgId, ct));
        Assert.Equal(Role.Owner, member.Role);

        var draft = await new ProtocolStore(database, new AnswersCodec(ContentLibrary.Default, NullLogger<AnswersCodec>.Instance), new Richtsnoer.Storage.Adoption.AuditStore(database, TimeProvider.System)).GetAsync(orgId, ct);
        Assert.NotNull(draft);
        Assert.Equal(7, draft.Revision);
        Assert.Equal("contacts", draft.CurrentStep);
        Assert.Equal("Bakkerij De Korst", draft.Answers.Text("org_name"));

        await using var check = await database.OpenAsync(ct);
        Assert.Equal(1, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM data_protection_keys"));
        var journal = (await check.QueryAsync<(int Version, string Name)>("SELECT version, name FROM schema_version ORDER BY version")).ToList();
        Assert.Equal(files.Select(f => (f.Version, f.Name)), journal);
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM email_outbox"));
    }

    [Fact]
    public async Task A_database_at_the_staff_list_migration_gains_the_roll_out_and_keeps_its_staff_versions_and_audit_trail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateAsync(db);
        var database = scratch.Database;
        var files = Migrator.For(scratch.Provider);
        var previous = files.Where(f => f.Version < 8).ToList();
        Assert.Equal(7, previous.Max(f => f.Version));
        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var orgId = Guid.NewGuid();
        var versionId = Guid.NewGuid();
        var staffId = Guid.NewGuid();
        var audit = new Richtsnoer.Storage.Adoption.AuditStore(database, TimeProvider.System);

        // The database as the previous version left it: migrations 1 to 7 in the journal, an
        // organisation with a staff member, a published version and its audit entries.
        await using (var connection = await database.OpenAsync(ct))
        {
            var time = db == Db.Postgres ? "timestamptz" : "TEXT";
            await connection.ExecuteAsync($"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at {time} NOT NULL)");
            foreach (var m in previous)
            {
                await connection.ExecuteAsync(m.Sql);
                await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @at)", new { m.Version, m.Name, at });
            }

            await connection.ExecuteAsync("INSERT INTO organisations (id, name, created_at) VALUES (@orgId, 'Drukkerij Oud', @at)", new { orgId, at });
            await connection.ExecuteAsync(
                "INSERT INTO staff_members (id, organisation_id, email, email_normalized, name, department, language, role, created_at, updated_at) VALUES (@staffId, @orgId, 'Piet@Oud.nl', 'PIET@OUD.NL', 'Piet Oud', 'Drukwerk', 'nl', NULL, @at, @at)",
                new { staffId, orgId, at });
            var snapshot = new Richtsnoer.Core.Adoption.VersionSnapshot(1, orgId, "1.0", "content-1", "org_name: Drukkerij Oud\n", new Richtsnoer.Core.Adoption.ConsentRequirement(false, false, false), []).ToJson();
            var sha = Richtsnoer.Core.Adoption.VersionSnapshot.Hash(snapshot);
            await connection.ExecuteAsync(
                "INSERT INTO protocol_versions (id, organisation_id, number, label, substantive, snapshot, sha256, created_at, created_by, created_by_email) VALUES (@versionId, @orgId, 1, '1.0', @no, @snapshot, @sha, @at, NULL, 'hr@oud.nl')",
                new { versionId, orgId, no = false, snapshot, sha, at });
            await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
            var actor = new Richtsnoer.Storage.Adoption.Actor(null, "hr@oud.nl");
            await audit.AppendAsync(connection, tx, orgId, actor, "staff.added", null, new { staff_member = staffId });
            await audit.AppendAsync(connection, tx, orgId, actor, "version.created", versionId, new { label = "1.0", sha256 = sha, substantive = false, contentVersion = "content-1" });
            await audit.AppendAsync(connection, tx, orgId, actor, "version.published", versionId, new { from = "Draft", to = "Published" });
            await tx.CommitAsync(ct);
        }

        Assert.Equal(files.Count - previous.Count, await scratch.Migrator().MigrateAsync(ct));
        Assert.Equal(files.Max(f => f.Version), await scratch.Migrator().CurrentVersionAsync(ct));

        // The old rows read back through today's stores.
        var staffStore = new Richtsnoer.Storage.Staff.StaffStore(database, audit, TimeProvider.System);
        var person = Assert.Single(await staffStore.ListAsync(orgId, ct: ct));
        Assert.Equal(("Piet Oud", "Piet@Oud.nl", "Drukwerk", true), (person.Name, person.Email, person.Department, person.Active));
        var versions = new Richtsnoer.Storage.Adoption.VersionStore(database, audit);
        var version = Assert.Single(await versions.ListAsync(orgId, ct));
        Assert.Equal(Richtsnoer.Core.Adoption.VersionState.Published, version.State);
        var report = await new Richtsnoer.Storage.Adoption.EvidenceVerifier(database, audit).VerifyAsync(orgId, ct);
        Assert.True(report.Intact, string.Join("; ", report.Problems));
        Assert.Equal(3, report.Entries);

        // And the roll-out works on them: IP recording off, the published version in force, its invitation queued.
        var sessions = new Richtsnoer.Storage.Rollout.StaffSessionStore(database, TimeProvider.System);
        var outbox = new Richtsnoer.Storage.Email.OutboxStore(database, TimeProvider.System);
        var rollouts = new Richtsnoer.Storage.Rollout.RolloutStore(database, audit, versions, sessions, outbox, TimeProvider.System);
        Assert.False(await rollouts.RecordsIpAsync(orgId, ct));
        Assert.Equal(versionId, (await rollouts.InForceAsync(orgId, ct))!.Id);
        await rollouts.StartAsync(orgId, versionId, "https://richtsnoer.example.nl", ct);
        var queued = await rollouts.SendDueAsync(orgId, Richtsnoer.Core.Rollout.ReminderSchedule.Default,
            mail => new Richtsnoer.Storage.Email.OutgoingEmail("rollout-invitation", mail.Member.Language, mail.Member.Email, mail.Member.Name, new Richtsnoer.Core.Email.RenderedEmail("s", mail.Token, "h"), orgId), ct);
        Assert.Equal(1, queued);
    }

    [Fact]
    public async Task A_new_database_gets_every_migration_in_order_and_a_failing_one_stops_with_its_name()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchDatabase.CreateAsync(db);
        var files = Migrator.For(scratch.Provider);
        Assert.Equal(files.Count, await scratch.Migrator().MigrateAsync(ct));
        Assert.Equal(Enumerable.Range(1, files.Count), files.Select(f => f.Version));

        // A script that fails leaves the recorded version where it was.
        await using var connection = await scratch.Database.OpenAsync(ct);
        await connection.ExecuteAsync("DROP TABLE email_outbox");
        await connection.ExecuteAsync("DELETE FROM schema_version WHERE version = 2");
        await connection.ExecuteAsync("CREATE TABLE email_outbox (id TEXT PRIMARY KEY)");
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => scratch.Migrator().MigrateAsync(ct));
        Assert.Contains("0002_email_outbox.sql", e.Message);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version WHERE version = 2"));
    }
}

public sealed class MigrationUpgradeTestsOnSqlite() : MigrationUpgradeTests(Db.Sqlite);

public sealed class MigrationUpgradeTestsOnPostgres() : MigrationUpgradeTests(Db.Postgres);
