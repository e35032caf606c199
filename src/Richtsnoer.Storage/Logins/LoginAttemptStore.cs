using Dapper;
using Richtsnoer.Storage.Users;

namespace Richtsnoer.Storage.Logins;

public sealed record LoginAttempt
{
    public bool Succeeded { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>
/// Login attempts per e-mail address (known or not). The lockout is computed from them, so every
/// instance of the app sees the same count.
/// </summary>
public sealed class LoginAttemptStore(Database database)
{
    public const int Kept = 20;

    public async Task RecordAsync(string email, bool succeeded, DateTimeOffset at, CancellationToken ct = default)
    {
        var normalized = User.Normalize(email);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            "INSERT INTO login_attempts (email_normalized, succeeded, at) VALUES (@normalized, @succeeded, @at)",
            new { normalized, succeeded, at });
        await connection.ExecuteAsync(
            $"""
            DELETE FROM login_attempts WHERE email_normalized = @normalized AND id NOT IN
              (SELECT id FROM login_attempts WHERE email_normalized = @normalized ORDER BY id DESC LIMIT {Kept})
            """,
            new { normalized });
    }

    /// <summary>The latest attempts, newest first.</summary>
    public async Task<IReadOnlyList<LoginAttempt>> RecentAsync(string email, int count, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<LoginAttempt>(
            "SELECT succeeded AS Succeeded, at AS At FROM login_attempts WHERE email_normalized = @normalized ORDER BY id DESC LIMIT @count",
            new { normalized = User.Normalize(email), count });
        return rows.ToList();
    }
}
