using System.Data.Common;
using Dapper;
using Richtsnoer.Core;
using Richtsnoer.Core.Email;

namespace Richtsnoer.Storage.Email;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (or, without SMTP, kept for reading in the app).</summary>
    Pending,

    /// <summary>Claimed by a sender until its lease ends.</summary>
    Sending,

    /// <summary>The SMTP server accepted it.</summary>
    Sent,

    /// <summary>Refused for good, or still failing after the last attempt.</summary>
    Failed,
}

/// <summary>A message to queue: who receives it and its rendered content.</summary>
public sealed record OutgoingEmail(string Template, Language Language, string ToAddress, string? ToName, RenderedEmail Content, Guid? OrganisationId = null);

public sealed record OutboxMessage
{
    public required Guid Id { get; init; }

    public Guid? OrganisationId { get; init; }

    public required string Template { get; init; }

    public required string Language { get; init; }

    public required string ToAddress { get; init; }

    public string? ToName { get; init; }

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public required string HtmlBody { get; init; }

    public OutboxStatus Status { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset? ClaimedUntil { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }
}

/// <summary>
/// The e-mail outbox. Callers queue a message inside the transaction of the change that causes
/// it, so a rolled-back change sends nothing and a committed one is never lost. Senders claim due
/// rows for a lease (PostgreSQL: FOR UPDATE SKIP LOCKED, so two senders never claim one row;
/// SQLite: the write lock), record each outcome only while they still hold the claim, and a row
/// whose lease ran out (its sender died) becomes due again.
/// </summary>
public sealed class OutboxStore(Database database, TimeProvider time)
{
    private const string Columns =
        """
        id AS Id, organisation_id AS OrganisationId, template AS Template, language AS Language, to_address AS ToAddress,
        to_name AS ToName, subject AS Subject, text_body AS TextBody, html_body AS HtmlBody, status AS Status,
        attempts AS Attempts, next_attempt_at AS NextAttemptAt, claimed_until AS ClaimedUntil, last_error AS LastError,
        created_at AS CreatedAt, sent_at AS SentAt
        """;

    public static string StatusName(OutboxStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Queues a message in the caller's transaction; returns its id (also the Message-ID).</summary>
    public async Task<Guid> EnqueueAsync(DbConnection connection, DbTransaction transaction, OutgoingEmail email)
    {
        var id = Guid.NewGuid();
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(
            """
            INSERT INTO email_outbox (id, organisation_id, template, language, to_address, to_name, subject, text_body, html_body,
                                      status, attempts, next_attempt_at, created_at)
            VALUES (@id, @OrganisationId, @Template, @language, @ToAddress, @ToName, @subject, @text, @html, @status, 0, @now, @now)
            """,
            new
            {
                id,
                email.OrganisationId,
                email.Template,
                language = email.Language.Code(),
                email.ToAddress,
                email.ToName,
                subject = email.Content.Subject,
                text = email.Content.Text,
                html = email.Content.Html,
                status = StatusName(OutboxStatus.Pending),
                now,
            },
            transaction);
        return id;
    }

    /// <summary>Queues a message on its own.</summary>
    public async Task<Guid> EnqueueAsync(OutgoingEmail email, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var id = await EnqueueAsync(connection, tx, email);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>
    /// Claims up to <paramref name="batch"/> due messages for <paramref name="sender"/> until the lease ends,
    /// counting the attempt. Due: pending and its time has come, or claimed by a sender whose lease ran out.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string sender, int batch, TimeSpan lease, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var rows = await connection.QueryAsync<OutboxMessage>(
            $"""
            UPDATE email_outbox
            SET status = @sending, claimed_by = @sender, claimed_until = @until, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM email_outbox
                WHERE (status = @pending AND next_attempt_at <= @now) OR (status = @sending AND claimed_until < @now)
                ORDER BY next_attempt_at, created_at, id
                LIMIT @batch{database.Dialect.SkipLocked})
            RETURNING {Columns}
            """,
            new
            {
                sending = StatusName(OutboxStatus.Sending),
                pending = StatusName(OutboxStatus.Pending),
                sender,
                until = now + lease,
                now,
                batch,
            },
            tx);
        await tx.CommitAsync(ct);
        return rows.OrderBy(r => r.NextAttemptAt).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
    }

    /// <summary>Records that the SMTP server accepted the message; false when the claim was lost meanwhile.</summary>
    public Task<bool> MarkSentAsync(Guid id, string sender, CancellationToken ct = default) =>
        FinishAsync(id, sender, "status = @sent, sent_at = @now, claimed_by = NULL, claimed_until = NULL, last_error = NULL",
            new { sent = StatusName(OutboxStatus.Sent) }, ct);

    /// <summary>Puts the message back for another attempt at <paramref name="next"/>.</summary>
    public Task<bool> MarkRetryAsync(Guid id, string sender, string error, DateTimeOffset next, CancellationToken ct = default) =>
        FinishAsync(id, sender, "status = @pending, next_attempt_at = @next, claimed_by = NULL, claimed_until = NULL, last_error = @error",
            new { pending = StatusName(OutboxStatus.Pending), next, error = Short(error) }, ct);

    /// <summary>Gives up on the message.</summary>
    public Task<bool> MarkFailedAsync(Guid id, string sender, string error, CancellationToken ct = default) =>
        FinishAsync(id, sender, "status = @failed, claimed_by = NULL, claimed_until = NULL, last_error = @error",
            new { failed = StatusName(OutboxStatus.Failed), error = Short(error) }, ct);

    /// <summary>Hands a claimed message back untried (the attempt is not counted), for example when the sender stops.</summary>
    public Task<bool> ReleaseAsync(Guid id, string sender, CancellationToken ct = default) =>
        FinishAsync(id, sender, "status = @pending, attempts = attempts - 1, claimed_by = NULL, claimed_until = NULL",
            new { pending = StatusName(OutboxStatus.Pending) }, ct);

    private async Task<bool> FinishAsync(Guid id, string sender, string set, object values, CancellationToken ct)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("id", id);
        parameters.Add("sender", sender);
        parameters.Add("now", time.GetUtcNow());
        parameters.Add("sendingStatus", StatusName(OutboxStatus.Sending));
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.ExecuteAsync(
            $"UPDATE email_outbox SET {set} WHERE id = @id AND claimed_by = @sender AND status = @sendingStatus",
            parameters);
        return rows == 1;
    }

    public async Task<OutboxMessage?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<OutboxMessage>($"SELECT {Columns} FROM email_outbox WHERE id = @id", new { id });
    }

    /// <summary>The organisation's messages, newest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListForOrganisationAsync(Guid organisationId, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<OutboxMessage>(
            $"SELECT {Columns} FROM email_outbox WHERE organisation_id = @organisationId ORDER BY created_at DESC, id LIMIT @limit",
            new { organisationId, limit });
        return rows.ToList();
    }

    /// <summary>How many messages are in each state.</summary>
    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM email_outbox GROUP BY status");
        return rows.ToDictionary(r => Enum.Parse<OutboxStatus>(r.Status, ignoreCase: true), r => (int)r.Count);
    }

    private static string Short(string error) => error.Length <= 1000 ? error : error[..1000];
}
