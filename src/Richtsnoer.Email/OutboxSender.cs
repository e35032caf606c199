using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Richtsnoer.Storage.Email;

namespace Richtsnoer.Email;

/// <summary>
/// Drains the outbox over SMTP. Each message is marked sent right after the server accepted it, so
/// a sender killed mid-batch can repeat at most the one message whose acceptance it had not yet
/// recorded (with the same Message-ID); everything it had not sent stays claimed until the lease
/// ends and is then sent by any instance.
/// </summary>
public sealed class OutboxSender(OutboxStore outbox, IOptions<EmailOptions> options, TimeProvider time, ILogger<OutboxSender> logger)
{
    /// <summary>Names this sender in claims: host, process and a random part.</summary>
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Sends batches until nothing is due; returns how many messages the server accepted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.SmtpConfigured)
        {
            return 0;
        }

        var accepted = 0;
        using var client = new SmtpClient { Timeout = settings.Smtp.TimeoutSeconds * 1000 };
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var batch = await outbox.ClaimAsync(Name, settings.BatchSize, settings.Lease, ct);
                logger.LogDebug("Sender {Sender} claimed {Count} e-mail(s)", Name, batch.Count);
                if (batch.Count == 0)
                {
                    break;
                }

                var (sent, stop) = await SendBatchAsync(client, batch, settings, ct);
                accepted += sent;
                if (stop)
                {
                    break;
                }
            }
        }
        finally
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(true, CancellationToken.None);
                }
                catch (Exception e) when (e is IOException or SocketException or ProtocolException or OperationCanceledException)
                {
                    // The server may already have closed the connection.
                }
            }
        }

        return accepted;
    }

    /// <summary>Sends one claimed batch; Stop is true when the round should end (connection lost, lease ending, shutdown).</summary>
    private async Task<(int Sent, bool Stop)> SendBatchAsync(SmtpClient client, IReadOnlyList<OutboxMessage> batch, EmailOptions settings, CancellationToken ct)
    {
        // A message is only started while there is time left in the lease for a slow server to answer.
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(settings.Smtp.TimeoutSeconds * 2).Ticks, settings.Lease.Ticks / 2));
        var sent = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            var stopping = ct.IsCancellationRequested;
            var leaseEnding = message.ClaimedUntil is { } until && time.GetUtcNow() > until - margin;
            if (stopping || leaseEnding)
            {
                await ReleaseAsync(batch.Skip(i));
                return (sent, true);
            }

            try
            {
                await EnsureConnectedAsync(client, settings, ct);
                await client.SendAsync(MessageBuilder.Build(message, settings), ct);
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
            {
                // The server refused this message for good: retrying will not help.
                logger.LogWarning("E-mail {MessageId} ({Template}) refused by the SMTP server: {Status} {Reason}", message.Id, message.Template, (int)e.StatusCode, e.Message);
                await outbox.MarkFailedAsync(message.Id, Name, $"{(int)e.StatusCode} {e.Message}", CancellationToken.None);
                continue;
            }
            catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
            {
                // 4xx for this message: try it again later, go on with the others.
                await RetryOrFailAsync(message, $"{(int)e.StatusCode} {e.Message}", settings);
                continue;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await ReleaseAsync(batch.Skip(i));
                return (sent, true);
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
                                          or SslHandshakeException or IOException or SocketException or TimeoutException or OperationCanceledException)
            {
                // The connection or the server is the problem, not this message: count the attempt
                // for this one, hand the rest back untried, and start over after the back-off.
                logger.LogWarning("SMTP delivery interrupted at e-mail {MessageId}: {Error}", message.Id, e.Message);
                await RetryOrFailAsync(message, e.Message, settings);
                await ReleaseAsync(batch.Skip(i + 1));
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                return (sent, true);
            }

            sent++;
            if (!await outbox.MarkSentAsync(message.Id, Name, CancellationToken.None))
            {
                logger.LogWarning("E-mail {MessageId} was sent after its claim had run out; another sender may send it again", message.Id);
            }
        }

        return (sent, false);
    }

    private async Task RetryOrFailAsync(OutboxMessage message, string error, EmailOptions settings)
    {
        if (message.Attempts >= settings.MaxAttempts)
        {
            logger.LogWarning("E-mail {MessageId} ({Template}) failed after {Attempts} attempts: {Error}", message.Id, message.Template, message.Attempts, error);
            await outbox.MarkFailedAsync(message.Id, Name, error, CancellationToken.None);
        }
        else
        {
            await outbox.MarkRetryAsync(message.Id, Name, error, time.GetUtcNow() + settings.BackOff(message.Attempts), CancellationToken.None);
        }
    }

    private async Task ReleaseAsync(IEnumerable<OutboxMessage> messages)
    {
        foreach (var m in messages)
        {
            await outbox.ReleaseAsync(m.Id, Name, CancellationToken.None);
        }
    }

    private static async Task EnsureConnectedAsync(SmtpClient client, EmailOptions settings, CancellationToken ct)
    {
        if (client.IsConnected)
        {
            return;
        }

        await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security, ct);
        if (!string.IsNullOrEmpty(settings.Smtp.User))
        {
            await client.AuthenticateAsync(settings.Smtp.User, settings.Smtp.Password ?? string.Empty, ct);
        }
    }
}
