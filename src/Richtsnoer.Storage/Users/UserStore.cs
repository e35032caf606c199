using Dapper;
using Richtsnoer.Core;

namespace Richtsnoer.Storage.Users;

public sealed record User
{
    public required Guid Id { get; init; }

    public required string Email { get; init; }

    public required string PasswordHash { get; init; }

    public required string SecurityStamp { get; init; }

    public string Language { get; init; } = "nl";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The language for messages to this user; Dutch when the stored code is unknown.</summary>
    public Core.Language PreferredLanguage => LanguageExtensions.TryParse(Language, out var language) ? language : Core.Language.Nl;

    /// <summary>E-mail addresses compare without case and surrounding spaces.</summary>
    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    /// <summary>A fresh security stamp: a login cookie is valid only while its stamp is the stored one.</summary>
    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");
}

public sealed class UserStore(Database database)
{
    private const string Columns = "id AS Id, email AS Email, password_hash AS PasswordHash, security_stamp AS SecurityStamp, language AS Language, created_at AS CreatedAt";

    /// <summary>Adds the user; false when the e-mail address is already registered.</summary>
    public async Task<bool> CreateAsync(User user, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO users (id, email, email_normalized, password_hash, security_stamp, language, created_at)
                VALUES (@Id, @Email, @Normalized, @PasswordHash, @SecurityStamp, @Language, @CreatedAt)
                """,
                new { user.Id, user.Email, Normalized = User.Normalize(user.Email), user.PasswordHash, user.SecurityStamp, user.Language, user.CreatedAt });
            return true;
        }
        catch (Exception e) when (database.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<User?> FindByEmailAsync(string email, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<User>(
            $"SELECT {Columns} FROM users WHERE email_normalized = @Normalized", new { Normalized = User.Normalize(email) });
    }

    public async Task<User?> FindByIdAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<User>($"SELECT {Columns} FROM users WHERE id = @id", new { id });
    }

    public async Task UpdatePasswordHashAsync(Guid id, string passwordHash, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync("UPDATE users SET password_hash = @passwordHash WHERE id = @id", new { id, passwordHash });
    }

    /// <summary>
    /// Deletes the account: its memberships and reset links go with it (cascade), and its login
    /// attempts. Refused by the caller while the user owns an organisation.
    /// </summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var normalized = await connection.ExecuteScalarAsync<string?>("SELECT email_normalized FROM users WHERE id = @id", new { id }, tx);
        await connection.ExecuteAsync("DELETE FROM login_attempts WHERE email_normalized = @normalized", new { normalized }, tx);
        await connection.ExecuteAsync("DELETE FROM registration_requests WHERE email_normalized = @normalized", new { normalized }, tx);
        await connection.ExecuteAsync("DELETE FROM users WHERE id = @id", new { id }, tx);
        await tx.CommitAsync(ct);
    }

    /// <summary>The security stamp as stored now, or null when the user no longer exists.</summary>
    public async Task<string?> SecurityStampAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>("SELECT security_stamp FROM users WHERE id = @id", new { id });
    }

    /// <summary>
    /// Gives the user a new security stamp (and, when given, a new password hash): every login
    /// cookie issued before stops working, on every instance. Returns the new stamp.
    /// </summary>
    public async Task<string> RotateSecurityStampAsync(Guid id, string? newPasswordHash = null, CancellationToken ct = default)
    {
        var stamp = User.NewSecurityStamp();
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE users SET security_stamp = @stamp, password_hash = COALESCE(@newPasswordHash, password_hash) WHERE id = @id",
            new { id, stamp, newPasswordHash });
        return stamp;
    }

    public async Task SetLanguageAsync(Guid id, string language, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync("UPDATE users SET language = @language WHERE id = @id", new { id, language });
    }
}
