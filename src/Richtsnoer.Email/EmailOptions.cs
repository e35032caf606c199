using MailKit.Security;

namespace Richtsnoer.Email;

/// <summary>
/// <c>Richtsnoer:Email</c>. Without <c>Smtp:Host</c> nothing is sent: messages stay in the outbox
/// and the organisation's owners read them in the app.
/// </summary>
public sealed class EmailOptions
{
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The sender address of every message, e.g. <c>richtsnoer@example.nl</c>.</summary>
    public string From { get; set; } = "richtsnoer@localhost";

    public string FromName { get; set; } = "Richtsnoer";

    /// <summary>How often an idle sender looks for due messages (it is also woken when this instance queues one).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages claimed at once.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>How long a claim lasts; a message whose sender died is retried after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts before a message that keeps failing temporarily is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt; doubles with every further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The wait before attempt number <paramref name="attempts"/> + 1.</summary>
    public TimeSpan BackOff(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default: required), <c>SslOnConnect</c> (port 465), <c>StartTlsWhenAvailable</c>, or <c>None</c> (a relay on localhost only).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Seconds before an SMTP command times out; keep it far below the lease.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
