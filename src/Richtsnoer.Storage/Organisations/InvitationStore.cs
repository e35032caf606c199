using Dapper;
using Richtsnoer.Storage.Email;
using Richtsnoer.Storage.Users;

namespace Richtsnoer.Storage.Organisations;

public sealed record Invitation(Guid Id, Guid OrganisationId, string OrganisationName, string Email, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string Role)
{
    /// <summary>The two roles an invitation can give.</summary>
    public const string Editor = "editor";

    public const string WorksCouncil = "works_council";

    public bool ForWorksCouncil => Role == WorksCouncil;
}

public enum InviteOutcome
{
    /// <summary>Stored, and the e-mail queued (an earlier open invitation to the address was withdrawn).</summary>
    Sent,

    /// <summary>The address already works on the protocol: nothing stored or sent.</summary>
    AlreadyMember,

    /// <summary>The organisation sent too many invitations in the last hour: nothing stored or sent.</summary>
    TooMany,
}

public enum AcceptOutcome
{
    Accepted,

    /// <summary>The token is unknown, used, withdrawn or expired.</summary>
    Invalid,

    /// <summary>The signed-in account has another address than the invited one; nothing changed.</summary>
    OtherAddress,
}

/// <summary>
/// Invitations to work on an organisation's protocol as an editor. An invitation goes to an
/// address, whether or not it has an account, so the owner learns nothing about who uses
/// Richtsnoer. The token travels only in the e-mail; the database keeps its SHA-256. It is
/// accepted once, by a signed-in account whose address is the invited one, in one transaction
/// with the membership.
/// </summary>
public sealed class InvitationStore(Database database, OutboxStore outbox, Adoption.AuditStore audit, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>At most this many invitations per organisation per hour.</summary>
    public const int MaxPerHour = 30;

    private const string Columns =
        "i.id AS Id, i.organisation_id AS OrganisationId, o.name AS OrganisationName, i.email AS Email, i.created_at AS CreatedAt, i.expires_at AS ExpiresAt, i.role AS Role";

    /// <summary>
    /// Stores an invitation for <paramref name="email"/> and queues its e-mail, in one transaction;
    /// an open invitation to the same address is withdrawn, so only the newest link works.
    /// </summary>
    public async Task<InviteOutcome> CreateAsync(Guid organisationId, string email, Guid invitedBy, string token, Func<OutgoingEmail> message, string role = Invitation.Editor, CancellationToken ct = default)
    {
        if (role is not (Invitation.Editor or Invitation.WorksCouncil))
        {
            throw new ArgumentOutOfRangeException(nameof(role));
        }

        var now = time.GetUtcNow();
        var normalized = User.Normalize(email);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        // The organisation's row is the lock: two invitations at once cannot both pass the count.
        await connection.ExecuteAsync($"SELECT id FROM organisations WHERE id = @organisationId{database.Dialect.ForUpdate}", new { organisationId }, tx);
        var member = await connection.ExecuteScalarAsync<long>(
            role == Invitation.Editor
                ? "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organisation_id = @organisationId AND u.email_normalized = @normalized"
                : "SELECT COUNT(*) FROM works_council_members w JOIN users u ON u.id = w.user_id WHERE w.organisation_id = @organisationId AND u.email_normalized = @normalized",
            new { organisationId, normalized },
            tx);
        if (member > 0)
        {
            await tx.RollbackAsync(ct);
            return InviteOutcome.AlreadyMember;
        }

        var recent = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM member_invitations WHERE organisation_id = @organisationId AND created_at > @since",
            new { organisationId, since = now - TimeSpan.FromHours(1) },
            tx);
        if (recent >= MaxPerHour)
        {
            await tx.RollbackAsync(ct);
            return InviteOutcome.TooMany;
        }

        await connection.ExecuteAsync(
            "UPDATE member_invitations SET revoked_at = @now WHERE organisation_id = @organisationId AND email_normalized = @normalized AND role = @role AND accepted_at IS NULL AND revoked_at IS NULL",
            new { organisationId, normalized, now, role },
            tx);
        await connection.ExecuteAsync(
            """
            INSERT INTO member_invitations (id, organisation_id, email, email_normalized, role, token_hash, invited_by, created_at, expires_at)
            VALUES (@id, @organisationId, @email, @normalized, @role, @hash, @invitedBy, @now, @expires)
            """,
            new { id = Guid.NewGuid(), organisationId, email = email.Trim(), normalized, role, hash = PasswordResetStore.Hash(token), invitedBy, now, expires = now + Lifetime },
            tx);
        await outbox.EnqueueAsync(connection, tx, message() with { OrganisationId = organisationId });
        var inviter = await connection.ExecuteScalarAsync<string?>("SELECT email FROM users WHERE id = @invitedBy", new { invitedBy }, tx);
        await audit.AppendAsync(connection, tx, organisationId, new Adoption.Actor(invitedBy, inviter ?? invitedBy.ToString()), "member.invited", null, new { email = email.Trim(), role });
        await tx.CommitAsync(ct);
        return InviteOutcome.Sent;
    }

    /// <summary>The organisation's invitations that can still be accepted, newest first.</summary>
    public async Task<IReadOnlyList<Invitation>> ListOpenAsync(Guid organisationId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<Invitation>(
            $"""
            SELECT {Columns} FROM member_invitations i JOIN organisations o ON o.id = i.organisation_id
            WHERE i.organisation_id = @organisationId AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > @now
            ORDER BY i.created_at DESC
            """,
            new { organisationId, now = time.GetUtcNow() })).ToList();
    }

    /// <summary>Withdraws an open invitation of this organisation; false when there was none with this id.</summary>
    public async Task<bool> RevokeAsync(Guid organisationId, Guid invitationId, Adoption.Actor? by = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var row = await connection.QuerySingleOrDefaultAsync<(string Email, string Role)?>(
            "SELECT email, role FROM member_invitations WHERE id = @invitationId AND organisation_id = @organisationId AND accepted_at IS NULL AND revoked_at IS NULL",
            new { organisationId, invitationId },
            tx);
        if (row is not { } invitation)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        await connection.ExecuteAsync("UPDATE member_invitations SET revoked_at = @now WHERE id = @invitationId", new { invitationId, now = time.GetUtcNow() }, tx);
        await audit.AppendAsync(connection, tx, organisationId, by ?? Adoption.Actor.System, "member.invitation_withdrawn", null, new { email = invitation.Email, role = invitation.Role });
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The invitation a valid (unused, not withdrawn, unexpired) token belongs to, or null.</summary>
    public async Task<Invitation?> FindValidAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Invitation>(
            $"""
            SELECT {Columns} FROM member_invitations i JOIN organisations o ON o.id = i.organisation_id
            WHERE i.token_hash = @hash AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > @now
            """,
            new { hash = PasswordResetStore.Hash(token), now = time.GetUtcNow() });
    }

    /// <summary>
    /// Accepts the invitation for <paramref name="user"/>: the membership (or works council seat),
    /// the mark "accepted" and the audit entry in one transaction, so a link works exactly once
    /// even when two requests race. Landing is the page the new member starts on.
    /// </summary>
    public async Task<(AcceptOutcome Outcome, Guid? OrganisationId, string? Landing)> AcceptAsync(string token, User user, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return (AcceptOutcome.Invalid, null, null);
        }

        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var row = await connection.QuerySingleOrDefaultAsync<(Guid Id, Guid OrganisationId, string EmailNormalized, string Role)?>(
            $"""
            SELECT id, organisation_id, email_normalized, role FROM member_invitations
            WHERE token_hash = @hash AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @now{database.Dialect.ForUpdate}
            """,
            new { hash = PasswordResetStore.Hash(token), now },
            tx);
        if (row is not { } invitation)
        {
            await tx.RollbackAsync(ct);
            return (AcceptOutcome.Invalid, null, null);
        }

        if (invitation.EmailNormalized != User.Normalize(user.Email))
        {
            await tx.RollbackAsync(ct);
            return (AcceptOutcome.OtherAddress, null, null);
        }

        await connection.ExecuteAsync(
            invitation.Role == Invitation.WorksCouncil
                ? "INSERT INTO works_council_members (organisation_id, user_id, created_at) VALUES (@organisationId, @userId, @now) ON CONFLICT (organisation_id, user_id) DO NOTHING"
                : "INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (@organisationId, @userId, 'editor', @now) ON CONFLICT (organisation_id, user_id) DO NOTHING",
            new { organisationId = invitation.OrganisationId, userId = user.Id, now },
            tx);
        await audit.AppendAsync(connection, tx, invitation.OrganisationId, new Adoption.Actor(user.Id, user.Email), "member.joined", null, new { email = user.Email, role = invitation.Role });
        await connection.ExecuteAsync(
            "UPDATE member_invitations SET accepted_at = @now, accepted_by = @userId WHERE id = @id",
            new { id = invitation.Id, userId = user.Id, now },
            tx);
        await tx.CommitAsync(ct);
        return (AcceptOutcome.Accepted, invitation.OrganisationId, invitation.Role == Invitation.WorksCouncil ? $"/o/{invitation.OrganisationId}/versions" : $"/o/{invitation.OrganisationId}/protocol");
    }
}
