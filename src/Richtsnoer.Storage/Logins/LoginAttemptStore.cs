using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Richtsnoer.Storage.Users;

namespace Richtsnoer.Storage.Logins;

public sealed record LoginAttempt
{
    public bool Succeeded { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>The outcome of asking to try a password: an attempt id to report back, or the time to wait.</summary>
public sealed record LoginReservation(long? AttemptId, DateTimeOffset? RetryAt)
{
    public bool Allowed => AttemptId is not null;
}

/// <summary>
/// Progressive back-off instead of a lockout. Per address: five failures in a row are free, then
/// each further attempt waits 1, 2, 4 ... seconds after the last failure, at most a minute, so
/// nobody can keep the real user out for longer than that. Per source (a pseudonym of the IP
/// address): twenty failures in 15 minutes are free, then 1, 2, 4 ... seconds, at most 15 minutes,
/// which stops guessing one password across many accounts.
/// </summary>
public static class LoginBackOff
{
    public const int FreeFailuresPerAddress = 5;
    public static readonly TimeSpan MaxWaitPerAddress = TimeSpan.FromMinutes(1);
    public const int FreeFailuresPerSource = 20;
    public static readonly TimeSpan SourceWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxWaitPerSource = TimeSpan.FromMinutes(15);

    /// <summary>The wait after <paramref name="failures"/> failures when <paramref name="free"/> are free.</summary>
    public static TimeSpan Wait(int failures, int free, TimeSpan max) =>
        failures < free ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(failures - free, 30)), max.TotalSeconds));
}

/// <summary>
/// Login attempts per e-mail address (known or not) and per source. An attempt is recorded, as
/// failed, before the password is checked, in a transaction that first takes a lock per address
/// and per source: parallel requests cannot all slip past the count, and every instance sees the
/// same rows. A correct password then marks its attempt as succeeded.
/// </summary>
public sealed class LoginAttemptStore(Database database)
{
    public const int Kept = 20;
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>A pseudonym of an IP address for throttling only: not reversible without trying every address.</summary>
    public static string? Source(string? ip) =>
        string.IsNullOrEmpty(ip) ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("richtsnoer-login-source:" + ip)))[..32];

    public async Task<LoginReservation> ReserveAsync(string email, string? source, DateTimeOffset now, CancellationToken ct = default)
    {
        var normalized = User.Normalize(email);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await database.Dialect.LockAsync(connection, tx, "login:" + normalized);
        if (source is not null)
        {
            await database.Dialect.LockAsync(connection, tx, "login-source:" + source);
        }

        var recent = (await connection.QueryAsync<LoginAttempt>(
            "SELECT succeeded AS Succeeded, at AS At FROM login_attempts WHERE email_normalized = @normalized AND at > @since ORDER BY id DESC LIMIT @Kept",
            new { normalized, since = now - Retention, Kept },
            tx)).ToList();
        var failures = recent.TakeWhile(a => !a.Succeeded).ToList();
        var retryAt = failures.Count == 0 ? (DateTimeOffset?)null
            : failures[0].At + LoginBackOff.Wait(failures.Count, LoginBackOff.FreeFailuresPerAddress, LoginBackOff.MaxWaitPerAddress);

        if (source is not null)
        {
            var fromSource = (await connection.QueryAsync<DateTimeOffset>(
                "SELECT at FROM login_attempts WHERE source = @source AND succeeded = @no AND at > @since ORDER BY id DESC",
                new { source, no = false, since = now - LoginBackOff.SourceWindow },
                tx)).ToList();
            if (fromSource.Count > 0)
            {
                var sourceRetry = fromSource[0] + LoginBackOff.Wait(fromSource.Count, LoginBackOff.FreeFailuresPerSource, LoginBackOff.MaxWaitPerSource);
                retryAt = retryAt is null || sourceRetry > retryAt ? sourceRetry : retryAt;
            }
        }

        if (retryAt > now)
        {
            await tx.RollbackAsync(ct);
            return new LoginReservation(null, retryAt);
        }

        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO login_attempts (email_normalized, succeeded, at, source) VALUES (@normalized, @no, @now, @source) RETURNING id",
            new { normalized, no = false, now, source },
            tx);
        await Trim(connection, tx, normalized, now);
        await tx.CommitAsync(ct);
        return new LoginReservation(id, null);
    }

    /// <summary>The password was right: the attempt counts as a success, which ends the address's back-off.</summary>
    public async Task MarkSucceededAsync(long attemptId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync("UPDATE login_attempts SET succeeded = @yes WHERE id = @attemptId", new { yes = true, attemptId });
    }

    private static async Task Trim(DbConnection connection, DbTransaction tx, string normalized, DateTimeOffset now)
    {
        await connection.ExecuteAsync(
            $"""
            DELETE FROM login_attempts WHERE email_normalized = @normalized AND id NOT IN
              (SELECT id FROM login_attempts WHERE email_normalized = @normalized ORDER BY id DESC LIMIT {Kept})
            """,
            new { normalized },
            tx);
        await connection.ExecuteAsync("DELETE FROM login_attempts WHERE at < @before", new { before = now - Retention }, tx);
    }
}
