using Dapper;
using Richtsnoer.Storage.Email;

namespace Richtsnoer.Storage.Users;

/// <summary>
/// Registration by e-mail link. Asking for an account answers the same whether or not the address
/// is taken: a new address gets a link to choose a password (its token's SHA-256 is stored), a
/// taken address gets a notice to its owner. Both count towards <see cref="MaxPerHour"/>, so the
/// limit reveals nothing either. Completing creates the account and uses the link in one transaction.
/// </summary>
public sealed class RegistrationStore(Database database, OutboxStore outbox, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>At most this many messages per address per hour; more requests send nothing.</summary>
    public const int MaxPerHour = 3;

    /// <summary>
    /// Queues the right message for <paramref name="email"/>: <paramref name="newAccount"/> with
    /// the token when the address has no account, <paramref name="existingAccount"/> when it has.
    /// False (nothing queued) when the address had <see cref="MaxPerHour"/> messages in the last hour.
    /// </summary>
    public async Task<bool> RequestAsync(string email, string token, Func<OutgoingEmail> newAccount, Func<OutgoingEmail> existingAccount, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var normalized = User.Normalize(email);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        // Expired requests are kept for nothing: they carry an address.
        await connection.ExecuteAsync("DELETE FROM registration_requests WHERE expires_at < @now", new { now }, tx);
        var recent = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM registration_requests WHERE email_normalized = @normalized AND created_at > @since",
            new { normalized, since = now - TimeSpan.FromHours(1) },
            tx);
        if (recent >= MaxPerHour)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        var exists = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE email_normalized = @normalized", new { normalized }, tx) > 0;
        await connection.ExecuteAsync(
            "INSERT INTO registration_requests (id, email, email_normalized, token_hash, created_at, expires_at) VALUES (@id, @email, @normalized, @hash, @now, @expires)",
            new { id = Guid.NewGuid(), email = email.Trim(), normalized, hash = exists ? null : PasswordResetStore.Hash(token), now, expires = now + Lifetime },
            tx);
        await outbox.EnqueueAsync(connection, tx, exists ? existingAccount() : newAccount());
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The address a valid (unused, unexpired) registration link was sent to, or null.</summary>
    public async Task<string?> FindEmailAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT email FROM registration_requests WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now",
            new { hash = PasswordResetStore.Hash(token), now = time.GetUtcNow() });
    }

    /// <summary>
    /// Creates the account with the link: the user row and the mark "used" (on every open link of
    /// the address) in one transaction. False, with nothing changed, when the link is not valid for
    /// the user's address or the address got an account meanwhile.
    /// </summary>
    public async Task<bool> CompleteAsync(string token, User user, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var normalized = User.Normalize(user.Email);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var id = await connection.QuerySingleOrDefaultAsync<Guid?>(
            $"SELECT id FROM registration_requests WHERE token_hash = @hash AND email_normalized = @normalized AND used_at IS NULL AND expires_at > @now{database.Dialect.ForUpdate}",
            new { hash = PasswordResetStore.Hash(token), normalized, now },
            tx);
        if (id is null)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        try
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO users (id, email, email_normalized, password_hash, security_stamp, language, created_at)
                VALUES (@Id, @Email, @Normalized, @PasswordHash, @SecurityStamp, @Language, @CreatedAt)
                """,
                new { user.Id, user.Email, Normalized = normalized, user.PasswordHash, user.SecurityStamp, user.Language, user.CreatedAt },
                tx);
        }
        catch (Exception e) when (database.Dialect.IsUniqueViolation(e))
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        await connection.ExecuteAsync("UPDATE registration_requests SET used_at = @now WHERE email_normalized = @normalized AND used_at IS NULL", new { normalized, now }, tx);
        await tx.CommitAsync(ct);
        return true;
    }
}
