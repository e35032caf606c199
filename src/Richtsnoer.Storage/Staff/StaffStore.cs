using System.Data.Common;
using System.Text.Json;
using Dapper;
using Richtsnoer.Core;
using Richtsnoer.Core.Staff;
using Richtsnoer.Storage.Adoption;

namespace Richtsnoer.Storage.Staff;

/// <summary>One person on an organisation's staff list.</summary>
public sealed record StaffMember(Guid Id, Guid OrganisationId, string Email, string Name, string? Department, Language Language, string? Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DeactivatedAt)
{
    public bool Active => DeactivatedAt is null;

    internal StaffEntry Entry => new(Id, EmailAddress.Normalize(Email), Name, Department, Language, Role, Active);
}

public enum StaffUpdateOutcome
{
    Updated,
    Unchanged,
    NotFound,

    /// <summary>Another person on the list has the new address: nothing changed.</summary>
    EmailTaken,
}

/// <summary>A file read and checked but not imported yet: its valid rows and how many rows it refused.</summary>
public sealed record PendingStaffImport(Guid Id, IReadOnlyList<StaffRow> Rows, int Refused, DateTimeOffset ExpiresAt);

/// <summary>
/// The staff list of an organisation: added by hand or imported from CSV, deactivated when
/// someone leaves (never deleted). Every change is recorded in the audit trail in the same
/// transaction, with ids and counts rather than personal details.
/// </summary>
public sealed class StaffStore(Database database, AuditStore audit, TimeProvider time)
{
    /// <summary>How long a checked file waits for its confirmation.</summary>
    public static readonly TimeSpan ImportLifetime = TimeSpan.FromHours(1);

    internal const string Columns =
        "id AS Id, organisation_id AS OrganisationId, email AS Email, name AS Name, department AS Department, language AS Language, role AS Role, created_at AS CreatedAt, updated_at AS UpdatedAt, deactivated_at AS DeactivatedAt";

    internal sealed class Row
    {
        public Guid Id { get; set; }

        public Guid OrganisationId { get; set; }

        public string Email { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string? Department { get; set; }

        public string Language { get; set; } = "nl";

        public string? Role { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public DateTimeOffset? DeactivatedAt { get; set; }

        public StaffMember ToMember() => new(Id, OrganisationId, Email, Name, Department, Language == "en" ? Core.Language.En : Core.Language.Nl, Role, CreatedAt, UpdatedAt, DeactivatedAt);
    }

    /// <summary>The list, sorted by name; optionally one department only ("" means without department) and only active or only deactivated people.</summary>
    public async Task<IReadOnlyList<StaffMember>> ListAsync(Guid organisationId, string? department = null, bool? active = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var sql = $"SELECT {Columns} FROM staff_members WHERE organisation_id = @organisationId"
            + (department is null ? string.Empty : department.Length == 0 ? " AND department IS NULL" : " AND department = @department")
            + (active switch { true => " AND deactivated_at IS NULL", false => " AND deactivated_at IS NOT NULL", null => string.Empty });
        var rows = await connection.QueryAsync<Row>(sql, new { organisationId, department });
        return rows.Select(r => r.ToMember()).OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.Email, StringComparer.Ordinal).ToList();
    }

    /// <summary>The departments in use, sorted.</summary>
    public async Task<IReadOnlyList<string>> DepartmentsAsync(Guid organisationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var names = await connection.QueryAsync<string>(
            "SELECT DISTINCT department FROM staff_members WHERE organisation_id = @organisationId AND department IS NOT NULL", new { organisationId });
        return names.OrderBy(n => n, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Adds one person; false (and nothing stored) when the address is already on the list.</summary>
    public async Task<bool> AddAsync(Guid organisationId, StaffRow person, Actor actor, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var id = Guid.NewGuid();
        try
        {
            if (await InsertAsync(connection, tx, organisationId, id, person) == 0)
            {
                return false;
            }
        }
        catch (Exception e) when (database.Dialect.IsUniqueViolation(e))
        {
            return false;
        }

        await audit.AppendAsync(connection, tx, organisationId, actor, "staff.added", null, new { staff_member = id });
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>One person of this organisation's list, or null.</summary>
    public async Task<StaffMember?> FindAsync(Guid organisationId, Guid staffMemberId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM staff_members WHERE id = @staffMemberId AND organisation_id = @organisationId", new { staffMemberId, organisationId });
        return row?.ToMember();
    }

    /// <summary>Changes one person's details; the audit entry names the fields that changed, not their values.</summary>
    public async Task<StaffUpdateOutcome> UpdateAsync(Guid organisationId, Guid staffMemberId, StaffRow details, Actor actor, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM staff_members WHERE id = @staffMemberId AND organisation_id = @organisationId{database.Dialect.ForUpdate}", new { staffMemberId, organisationId }, tx);
        if (row?.ToMember() is not { } current)
        {
            return StaffUpdateOutcome.NotFound;
        }

        var changed = new List<string>();
        if (current.Email != details.Email)
        {
            changed.Add("email");
        }

        if (current.Name != details.Name)
        {
            changed.Add("name");
        }

        if (current.Department != details.Department)
        {
            changed.Add("department");
        }

        if (current.Language != details.Language)
        {
            changed.Add("language");
        }

        if (current.Role != details.Role)
        {
            changed.Add("role");
        }

        if (changed.Count == 0)
        {
            return StaffUpdateOutcome.Unchanged;
        }

        var now = audit.Now();
        try
        {
            await connection.ExecuteAsync(
                "UPDATE staff_members SET email = @Email, email_normalized = @normalized, name = @Name, department = @Department, language = @language, role = @Role, updated_at = @now WHERE id = @staffMemberId AND organisation_id = @organisationId",
                new { details.Email, normalized = details.NormalizedEmail, details.Name, details.Department, language = details.Language.Code(), details.Role, now, staffMemberId, organisationId },
                tx);
        }
        catch (Exception e) when (database.Dialect.IsUniqueViolation(e))
        {
            return StaffUpdateOutcome.EmailTaken;
        }

        await audit.AppendAsync(connection, tx, organisationId, actor, "staff.updated", null, new { staff_member = staffMemberId, changed }, now);
        await tx.CommitAsync(ct);
        return StaffUpdateOutcome.Updated;
    }

    /// <summary>Deactivates (a leaver) or reactivates one person; false when the id is not on this organisation's list or already in that state.</summary>
    public async Task<bool> SetActiveAsync(Guid organisationId, Guid staffMemberId, bool active, Actor actor, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var now = audit.Now();
        var changed = await connection.ExecuteAsync(
            active
                ? "UPDATE staff_members SET deactivated_at = NULL, updated_at = @now WHERE id = @staffMemberId AND organisation_id = @organisationId AND deactivated_at IS NOT NULL"
                : "UPDATE staff_members SET deactivated_at = @now, updated_at = @now WHERE id = @staffMemberId AND organisation_id = @organisationId AND deactivated_at IS NULL",
            new { now, staffMemberId, organisationId },
            tx);
        if (changed == 0)
        {
            return false;
        }

        await audit.AppendAsync(connection, tx, organisationId, actor, active ? "staff.reactivated" : "staff.deactivated", null, new { staff_member = staffMemberId }, now);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>What importing these rows would do now, without changing anything.</summary>
    public async Task<IReadOnlyList<StaffImportStep>> PlanAsync(Guid organisationId, IReadOnlyList<StaffRow> rows, CancellationToken ct = default)
    {
        var existing = await ListAsync(organisationId, ct: ct);
        return StaffImportPlan.Compare(rows, existing.Select(m => m.Entry));
    }

    /// <summary>Keeps a checked file's valid rows until the uploader confirms (or an hour passes); expired ones are removed on the way.</summary>
    public async Task<Guid> SavePendingImportAsync(Guid organisationId, Guid userId, IReadOnlyList<StaffRow> rows, int refused, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var now = time.GetUtcNow();
        await connection.ExecuteAsync("DELETE FROM staff_imports WHERE expires_at < @now", new { now }, tx);
        var id = Guid.NewGuid();
        await connection.ExecuteAsync(
            "INSERT INTO staff_imports (id, organisation_id, created_by, created_at, expires_at, refused, rows) VALUES (@id, @organisationId, @userId, @now, @expires, @refused, @text)",
            new { id, organisationId, userId, now, expires = now + ImportLifetime, refused, text = JsonSerializer.Serialize(rows) },
            tx);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>A pending import of this organisation by this user that has not expired, or null.</summary>
    public async Task<PendingStaffImport?> FindPendingImportAsync(Guid organisationId, Guid userId, Guid importId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await FindPendingAsync(connection, null, organisationId, userId, importId, string.Empty);
    }

    private async Task<PendingStaffImport?> FindPendingAsync(DbConnection connection, DbTransaction? tx, Guid organisationId, Guid userId, Guid importId, string forUpdate)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string Rows, int Refused, DateTimeOffset ExpiresAt)?>(
            $"SELECT rows, refused, expires_at FROM staff_imports WHERE id = @importId AND organisation_id = @organisationId AND created_by = @userId AND expires_at >= @now{forUpdate}",
            new { importId, organisationId, userId, now = time.GetUtcNow() },
            tx);
        return row is { } r ? new PendingStaffImport(importId, JsonSerializer.Deserialize<List<StaffRow>>(r.Rows) ?? [], r.Refused, r.ExpiresAt) : null;
    }

    /// <summary>
    /// Imports a pending file in one transaction, compared with the list as it is at this moment,
    /// and removes the pending import (so it works once). Null when it is unknown, expired or used.
    /// </summary>
    public async Task<StaffImportReport?> ConfirmImportAsync(Guid organisationId, Guid userId, Guid importId, Actor actor, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await connection.ExecuteAsync($"SELECT id FROM organisations WHERE id = @organisationId{database.Dialect.ForUpdate}", new { organisationId }, tx);
        var pending = await FindPendingAsync(connection, tx, organisationId, userId, importId, database.Dialect.ForUpdate);
        if (pending is null)
        {
            return null;
        }

        await connection.ExecuteAsync("DELETE FROM staff_imports WHERE id = @importId", new { importId }, tx);
        var existing = (await connection.QueryAsync<Row>($"SELECT {Columns} FROM staff_members WHERE organisation_id = @organisationId", new { organisationId }, tx))
            .Select(r => r.ToMember().Entry);
        var steps = StaffImportPlan.Compare(pending.Rows, existing);
        var now = audit.Now();
        var added = new List<Guid>();
        var updated = new List<Guid>();
        foreach (var step in steps)
        {
            switch (step.Action)
            {
                case StaffImportAction.Add:
                    var id = Guid.NewGuid();
                    await InsertAsync(connection, tx, organisationId, id, step.Row, now);
                    added.Add(id);
                    break;
                case StaffImportAction.Update:
                    await connection.ExecuteAsync(
                        "UPDATE staff_members SET name = @Name, department = @Department, language = @language, role = @Role, updated_at = @now WHERE id = @id AND organisation_id = @organisationId",
                        new { step.Row.Name, step.Row.Department, language = step.Row.Language.Code(), step.Row.Role, now, id = step.ExistingId, organisationId },
                        tx);
                    updated.Add(step.ExistingId!.Value);
                    break;
            }
        }

        var report = StaffImportReport.Of(steps, pending.Refused);
        await audit.AppendAsync(connection, tx, organisationId, actor, "staff.imported", null, new
        {
            import = importId,
            added = report.Added,
            updated = report.Updated,
            unchanged = report.Unchanged,
            skipped = report.Skipped,
            added_ids = added,
            updated_ids = updated,
        }, now);
        await tx.CommitAsync(ct);
        return report;
    }

    private async Task<int> InsertAsync(DbConnection connection, DbTransaction tx, Guid organisationId, Guid id, StaffRow person, DateTimeOffset? at = null)
    {
        var now = at ?? audit.Now();
        return await connection.ExecuteAsync(
            """
            INSERT INTO staff_members (id, organisation_id, email, email_normalized, name, department, language, role, created_at, updated_at)
            SELECT @id, @organisationId, @Email, @normalized, @Name, @Department, @language, @Role, @now, @now
            WHERE NOT EXISTS (SELECT 1 FROM staff_members WHERE organisation_id = @organisationId AND email_normalized = @normalized)
            """,
            new { id, organisationId, person.Email, normalized = person.NormalizedEmail, person.Name, person.Department, language = person.Language.Code(), person.Role, now },
            tx);
    }
}
