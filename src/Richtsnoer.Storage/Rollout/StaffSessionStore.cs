using System.Data.Common;
using Dapper;
using Richtsnoer.Storage.Staff;

namespace Richtsnoer.Storage.Rollout;

/// <summary>Why a personal link was made.</summary>
public enum LinkPurpose
{
    Invitation,
    Reminder,
    Request,
}

/// <summary>A signed-in staff member: the session, the link it was opened with, and the person.</summary>
public sealed record StaffSession(Guid Id, Guid LinkId, Guid OrganisationId, string OrganisationName, StaffMember Member, DateTimeOffset ExpiresAt);

/// <summary>
/// Personal links and sessions for staff, who have no account. A link is 32 random bytes, stored
/// as its SHA-256 (the same token helpers as password resets and invitations); it opens one session once, before it expires. A session lasts
/// <see cref="SessionLifetime"/> and is checked against the database on every request, so a
/// deactivated person is out at once on every instance.
/// </summary>
public sealed class StaffSessionStore(Database database, TimeProvider time)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>How long an invitation or reminder link works; a requested link works an hour.</summary>
    public static TimeSpan Lifetime(LinkPurpose purpose) => purpose == LinkPurpose.Request ? TimeSpan.FromHours(1) : TimeSpan.FromDays(30);

    /// <summary>At most this many requested links per person per hour.</summary>
    public const int RequestsPerHour = 3;

    public static string PurposeName(LinkPurpose purpose) => purpose.ToString().ToLowerInvariant();

    /// <summary>Makes a link inside the caller's transaction; returns its id and the token for the URL.</summary>
    public async Task<(Guid Id, string Token)> CreateLinkAsync(DbConnection connection, DbTransaction tx, Guid organisationId, Guid staffMemberId, LinkPurpose purpose, Guid? versionId)
    {
        var token = Users.PasswordResetStore.NewToken();
        var id = Guid.NewGuid();
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(
            """
            INSERT INTO staff_links (id, organisation_id, staff_member_id, token_hash, purpose, version_id, created_at, expires_at)
            VALUES (@id, @organisationId, @staffMemberId, @hash, @purpose, @versionId, @now, @expires)
            """,
            new { id, organisationId, staffMemberId, hash = Users.PasswordResetStore.Hash(token), purpose = PurposeName(purpose), versionId, now, expires = now + Lifetime(purpose) },
            tx);
        return (id, token);
    }

    /// <summary>
    /// Opens a session with a link: only an unused, unexpired link of an active person of this
    /// organisation, and only once (two clicks at once: one wins). Null otherwise.
    /// </summary>
    public async Task<StaffSession?> RedeemAsync(Guid organisationId, string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var link = await connection.QuerySingleOrDefaultAsync<(Guid Id, Guid StaffMemberId, Guid? VersionId)?>(
            $"""
            SELECT l.id, l.staff_member_id, l.version_id FROM staff_links l JOIN staff_members s ON s.id = l.staff_member_id
            WHERE l.token_hash = @hash AND l.organisation_id = @organisationId AND l.used_at IS NULL AND l.expires_at > @now AND s.deactivated_at IS NULL
            {database.Dialect.ForUpdate}
            """,
            new { hash = Users.PasswordResetStore.Hash(token), organisationId, now },
            tx);
        if (link is not { } l)
        {
            return null;
        }

        var used = await connection.ExecuteAsync("UPDATE staff_links SET used_at = @now WHERE id = @id AND used_at IS NULL", new { id = l.Id, now }, tx);
        if (used != 1)
        {
            return null;
        }

        var sessionId = Guid.NewGuid();
        await connection.ExecuteAsync(
            """
            INSERT INTO staff_sessions (id, organisation_id, staff_member_id, link_id, created_at, expires_at)
            VALUES (@sessionId, @organisationId, @staffMemberId, @linkId, @now, @expires)
            """,
            new { sessionId, organisationId, staffMemberId = l.StaffMemberId, linkId = l.Id, now, expires = now + SessionLifetime },
            tx);

        // A link sent about a version opens that version: the first open is noted here, in the
        // same transaction, so reading the text needs no write of its own.
        if (l.VersionId is { } versionId)
        {
            await RolloutStore.InsertOpenAsync(connection, tx, organisationId, versionId, l.StaffMemberId, now);
        }
        await tx.CommitAsync(ct);
        return await FindAsync(sessionId, ct);
    }

    /// <summary>A live session of an active person, or null.</summary>
    public async Task<StaffSession?> FindAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            """
            SELECT x.id AS Id, x.link_id AS LinkId, x.organisation_id AS OrganisationId, o.name AS OrganisationName, x.staff_member_id AS StaffMemberId, x.expires_at AS ExpiresAt
            FROM staff_sessions x JOIN organisations o ON o.id = x.organisation_id
            WHERE x.id = @sessionId AND x.ended_at IS NULL AND x.expires_at > @now
            """,
            new { sessionId, now = time.GetUtcNow() });
        if (row is null)
        {
            return null;
        }

        var member = await connection.QuerySingleOrDefaultAsync<StaffStore.Row>(
            $"SELECT {StaffStore.Columns} FROM staff_members WHERE id = @id AND organisation_id = @org AND deactivated_at IS NULL", new { id = row.StaffMemberId, org = row.OrganisationId });
        return member is null ? null : new StaffSession(row.Id, row.LinkId, row.OrganisationId, row.OrganisationName, member.ToMember(), row.ExpiresAt);
    }

    public async Task EndAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync("UPDATE staff_sessions SET ended_at = @now WHERE id = @sessionId AND ended_at IS NULL", new { sessionId, now = time.GetUtcNow() });
    }

    /// <summary>
    /// A new link on request: for an active person with this address, unless they asked
    /// <see cref="RequestsPerHour"/> times this hour. The caller answers the same either way; the
    /// e-mail is built and queued here, in the transaction of the link.
    /// </summary>
    public async Task<bool> RequestAsync(Guid organisationId, string email, Func<StaffMember, string, Email.OutgoingEmail> compose, Email.OutboxStore outbox, CancellationToken ct = default)
    {
        if (!Core.EmailAddress.IsValid(email))
        {
            return false;
        }

        var normalized = Core.EmailAddress.Normalize(email);

        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var member = await connection.QuerySingleOrDefaultAsync<StaffStore.Row>(
            $"SELECT {StaffStore.Columns} FROM staff_members WHERE organisation_id = @organisationId AND email_normalized = @normalized AND deactivated_at IS NULL{database.Dialect.ForUpdate}",
            new { organisationId, normalized },
            tx);
        if (member is null)
        {
            return false;
        }

        var recent = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM staff_links WHERE staff_member_id = @id AND purpose = 'request' AND created_at > @since", new { id = member.Id, since = now.AddHours(-1) }, tx);
        if (recent >= RequestsPerHour)
        {
            return false;
        }

        var (_, token) = await CreateLinkAsync(connection, tx, organisationId, member.Id, LinkPurpose.Request, null);
        await outbox.EnqueueAsync(connection, tx, compose(member.ToMember(), token));
        await tx.CommitAsync(ct);
        return true;
    }

    private sealed class SessionRow
    {
        public Guid Id { get; init; }

        public Guid LinkId { get; init; }

        public Guid OrganisationId { get; init; }

        public string OrganisationName { get; init; } = string.Empty;

        public Guid StaffMemberId { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }
    }
}
