using System.Security.Cryptography;
using System.Text;
using Dapper;
using Richtsnoer.Storage.Email;

namespace Richtsnoer.Storage.Users;

/// <summary>
/// Single-use, expiring password reset tokens. The token itself (32 random bytes, base64url) only
/// travels in the e-mail; the database keeps its SHA-256, so a copy of the database opens no
/// account. Redeeming sets the new password, rotates the security stamp (every session ends) and
/// marks the token used in one transaction, so a token works exactly once even when two requests
/// race.
/// </summary>
public sealed class PasswordResetStore(Database database, OutboxStore outbox, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>At most this many links per account per hour; more requests send nothing.</summary>
    public const int MaxPerHour = 3;

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Stores the token and queues the e-mail that carries it, in one transaction. False (and nothing
    /// stored or queued) when the account already had <see cref="MaxPerHour"/> links in the last hour.
    /// </summary>
    public async Task<bool> CreateAsync(Guid userId, string token, Func<OutgoingEmail> email, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        // The user's row is the lock: two requests at once cannot both pass the count.
        await connection.ExecuteAsync($"SELECT id FROM users WHERE id = @userId{database.Dialect.ForUpdate}", new { userId }, tx);
        var recent = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM password_resets WHERE user_id = @userId AND created_at > @since",
            new { userId, since = now - TimeSpan.FromHours(1) },
            tx);
        if (recent >= MaxPerHour)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        await connection.ExecuteAsync(
            "INSERT INTO password_resets (id, user_id, token_hash, created_at, expires_at) VALUES (@id, @userId, @hash, @now, @expires)",
            new { id = Guid.NewGuid(), userId, hash = Hash(token), now, expires = now + Lifetime },
            tx);
        await outbox.EnqueueAsync(connection, tx, email());
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The user a valid (unused, unexpired) token belongs to, or null.</summary>
    public async Task<Guid?> FindValidAsync(string token, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT user_id FROM password_resets WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now",
            new { hash = Hash(token), now = time.GetUtcNow() });
    }

    /// <summary>
    /// Uses the token: sets the password hash, gives the user a new security stamp and marks the
    /// token and every other open token of the user used. Null when the token is unknown, used or expired.
    /// </summary>
    public async Task<Guid?> RedeemAsync(string token, Func<Guid, string> passwordHash, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var userId = await connection.QuerySingleOrDefaultAsync<Guid?>(
            $"SELECT user_id FROM password_resets WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now{database.Dialect.ForUpdate}",
            new { hash = Hash(token), now },
            tx);
        if (userId is not { } id)
        {
            await tx.RollbackAsync(ct);
            return null;
        }

        await connection.ExecuteAsync("UPDATE password_resets SET used_at = @now WHERE user_id = @id AND used_at IS NULL", new { id, now }, tx);
        await connection.ExecuteAsync(
            "UPDATE users SET password_hash = @hash, security_stamp = @stamp WHERE id = @id",
            new { id, hash = passwordHash(id), stamp = User.NewSecurityStamp() },
            tx);
        await tx.CommitAsync(ct);
        return id;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
