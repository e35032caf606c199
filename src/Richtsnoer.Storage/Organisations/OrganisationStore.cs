using Dapper;
using Richtsnoer.Core.Answers;
using Richtsnoer.Storage.Email;
using Richtsnoer.Storage.Protocols;

namespace Richtsnoer.Storage.Organisations;

public enum Role
{
    Owner,
    Editor,

    /// <summary>A member of the works council: reads submitted versions and comments; not a row in memberships.</summary>
    WorksCouncil,

    /// <summary>Someone on the staff list, signed in by personal link: only the employee tools; no account, no row in memberships.</summary>
    Staff,
}

public sealed record Organisation
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What one user may do in one organisation.</summary>
public sealed record Membership
{
    public required Guid OrganisationId { get; init; }

    public required string OrganisationName { get; init; }

    public required Guid UserId { get; init; }

    public required Role Role { get; init; }

    public bool IsOwner => Role == Role.Owner;
}

/// <summary>One line of a user's list of organisations.</summary>
public sealed record OrganisationSummary
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required Role Role { get; init; }

    public ProtocolStatus Status { get; init; }

    public string? CurrentStep { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record Member
{
    public required Guid UserId { get; init; }

    public required string Email { get; init; }

    public required Role Role { get; init; }
}

public sealed class OrganisationStore(Database database, AnswersCodec codec, OutboxStore outbox, Adoption.AuditStore audit)
{
    public static string RoleName(Role role) => role == Role.Owner ? "owner" : "editor";

    /// <summary>Creates the organisation with its owner and an empty protocol, in one transaction.</summary>
    public async Task<Organisation> CreateAsync(string name, Guid ownerId, AnswerSet initialAnswers, CancellationToken ct = default)
    {
        var org = new Organisation { Id = Guid.NewGuid(), Name = name, CreatedAt = DateTimeOffset.UtcNow };
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await connection.ExecuteAsync("INSERT INTO organisations (id, name, created_at) VALUES (@Id, @Name, @CreatedAt)", org, tx);
        await connection.ExecuteAsync(
            "INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (@orgId, @ownerId, @role, @at)",
            new { orgId = org.Id, ownerId, role = RoleName(Role.Owner), at = org.CreatedAt },
            tx);
        await connection.ExecuteAsync(
            """
            INSERT INTO protocols (organisation_id, answers, status, current_step, revision, updated_at, updated_by)
            VALUES (@orgId, @answers, @status, NULL, 1, @at, @ownerId)
            """,
            new { orgId = org.Id, answers = codec.Write(initialAnswers), status = ProtocolDraft.StatusName(ProtocolStatus.Interview), at = org.CreatedAt, ownerId },
            tx);
        await tx.CommitAsync(ct);
        return org;
    }

    public async Task<IReadOnlyList<OrganisationSummary>> ListForUserAsync(Guid userId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<OrganisationSummary>(
            """
            SELECT o.id AS Id, o.name AS Name, m.role AS Role, p.status AS Status, p.current_step AS CurrentStep, p.updated_at AS UpdatedAt
            FROM memberships m
            JOIN organisations o ON o.id = m.organisation_id
            JOIN protocols p ON p.organisation_id = o.id
            WHERE m.user_id = @userId
            UNION ALL
            SELECT o.id, o.name, 'WorksCouncil', p.status, p.current_step, p.updated_at
            FROM works_council_members w
            JOIN organisations o ON o.id = w.organisation_id
            JOIN protocols p ON p.organisation_id = o.id
            WHERE w.user_id = @userId
            ORDER BY 2, 1
            """,
            new { userId });
        return rows.ToList();
    }

    /// <summary>The user's membership of the organisation, or null when the user is not a member (or it does not exist).</summary>
    /// <summary>The organisation's name, or null when there is none with this id.</summary>
    public async Task<string?> NameAsync(Guid organisationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT name FROM organisations WHERE id = @organisationId", new { organisationId });
    }

    public async Task<Membership?> FindMembershipAsync(Guid organisationId, Guid userId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Membership>(
            """
            SELECT o.id AS OrganisationId, o.name AS OrganisationName, m.user_id AS UserId, m.role AS Role
            FROM memberships m JOIN organisations o ON o.id = m.organisation_id
            WHERE m.organisation_id = @organisationId AND m.user_id = @userId
            """,
            new { organisationId, userId });
    }

    public async Task<IReadOnlyList<Member>> ListMembersAsync(Guid organisationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Member>(
            """
            SELECT u.id AS UserId, u.email AS Email, m.role AS Role
            FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.organisation_id = @organisationId
            ORDER BY m.role DESC, u.email_normalized
            """,
            new { organisationId });
        return rows.ToList();
    }

    /// <summary>
    /// Adds a member; false when the user already is one. The notification, when given, is queued
    /// in the same transaction: it goes out only if the membership was really added.
    /// </summary>
    public async Task<bool> AddMemberAsync(Guid organisationId, Guid userId, Role role, OutgoingEmail? notification = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var rows = await connection.ExecuteAsync(
            """
            INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (@organisationId, @userId, @role, @at)
            ON CONFLICT (organisation_id, user_id) DO NOTHING
            """,
            new { organisationId, userId, role = RoleName(role), at = DateTimeOffset.UtcNow },
            tx);
        if (rows == 1 && notification is not null)
        {
            await outbox.EnqueueAsync(connection, tx, notification with { OrganisationId = organisationId });
        }

        await tx.CommitAsync(ct);
        return rows == 1;
    }

    /// <summary>Removes an editor or a works council member, recorded in the audit trail. Owners stay: an organisation always keeps its owner.</summary>
    public async Task<bool> RemoveEditorAsync(Guid organisationId, Guid userId, Adoption.Actor? by = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var email = await connection.ExecuteScalarAsync<string?>("SELECT email FROM users WHERE id = @userId", new { userId }, tx);
        var rows = await connection.ExecuteAsync(
            "DELETE FROM memberships WHERE organisation_id = @organisationId AND user_id = @userId AND role = @role",
            new { organisationId, userId, role = RoleName(Role.Editor) },
            tx);
        var role = "editor";
        if (rows == 0)
        {
            rows = await connection.ExecuteAsync("DELETE FROM works_council_members WHERE organisation_id = @organisationId AND user_id = @userId", new { organisationId, userId }, tx);
            role = "works_council";
        }

        if (rows == 1)
        {
            await audit.AppendAsync(connection, tx, organisationId, by ?? Adoption.Actor.System, "member.removed", null, new { email, role });
        }

        await tx.CommitAsync(ct);
        return rows == 1;
    }

    /// <summary>The user's seat on the organisation's works council, as a membership with <see cref="Role.WorksCouncil"/>, or null.</summary>
    public async Task<Membership?> FindWorksCouncilSeatAsync(Guid organisationId, Guid userId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Membership>(
            """
            SELECT o.id AS OrganisationId, o.name AS OrganisationName, w.user_id AS UserId, 'WorksCouncil' AS Role
            FROM works_council_members w JOIN organisations o ON o.id = w.organisation_id
            WHERE w.organisation_id = @organisationId AND w.user_id = @userId
            """,
            new { organisationId, userId });
    }

    /// <summary>The organisation's works council members with access.</summary>
    public async Task<IReadOnlyList<Member>> ListWorksCouncilAsync(Guid organisationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<Member>(
            """
            SELECT w.user_id AS UserId, u.email AS Email, 'WorksCouncil' AS Role
            FROM works_council_members w JOIN users u ON u.id = w.user_id
            WHERE w.organisation_id = @organisationId ORDER BY u.email
            """,
            new { organisationId })).ToList();
    }

    public async Task RenameAsync(Guid organisationId, string name, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync("UPDATE organisations SET name = @name WHERE id = @organisationId", new { organisationId, name });
    }

    /// <summary>
    /// Makes an editor the owner and the owner an editor, in one transaction. False when
    /// <paramref name="toUserId"/> is not an editor of the organisation or <paramref name="fromUserId"/> not its owner.
    /// </summary>
    public async Task<bool> TransferOwnershipAsync(Guid organisationId, Guid fromUserId, Guid toUserId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var roles = (await connection.QueryAsync<(Guid UserId, string Role)>(
            $"SELECT user_id, role FROM memberships WHERE organisation_id = @organisationId AND user_id IN (@fromUserId, @toUserId){database.Dialect.ForUpdate}",
            new { organisationId, fromUserId, toUserId },
            tx)).ToDictionary(r => r.UserId, r => r.Role);
        if (fromUserId == toUserId || roles.GetValueOrDefault(fromUserId) != RoleName(Role.Owner) || roles.GetValueOrDefault(toUserId) != RoleName(Role.Editor))
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        await connection.ExecuteAsync("UPDATE memberships SET role = @owner WHERE organisation_id = @organisationId AND user_id = @toUserId", new { organisationId, toUserId, owner = RoleName(Role.Owner) }, tx);
        await connection.ExecuteAsync("UPDATE memberships SET role = @editor WHERE organisation_id = @organisationId AND user_id = @fromUserId", new { organisationId, fromUserId, editor = RoleName(Role.Editor) }, tx);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The organisations the user owns (an account cannot be deleted while it owns one).</summary>
    public async Task<IReadOnlyList<Organisation>> OwnedByAsync(Guid userId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Organisation>(
            "SELECT o.id AS Id, o.name AS Name, o.created_at AS CreatedAt FROM organisations o JOIN memberships m ON m.organisation_id = o.id WHERE m.user_id = @userId AND m.role = @owner ORDER BY o.name",
            new { userId, owner = RoleName(Role.Owner) });
        return rows.ToList();
    }

    /// <summary>
    /// Deletes the organisation with its members and its protocol draft. Queued and sent e-mail
    /// stays in the outbox, no longer linked to an organisation.
    /// </summary>
    public async Task DeleteAsync(Guid organisationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync("DELETE FROM organisations WHERE id = @organisationId", new { organisationId });
    }
}
