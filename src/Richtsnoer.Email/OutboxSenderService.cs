using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Richtsnoer.Email;

/// <summary>Wakes the sender of this instance when it queued a message; other instances find it on their next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await signal.WaitAsync(timeout, ct);
}

/// <summary>Runs the outbox sender in the background of every web instance while SMTP is configured.</summary>
public sealed class OutboxSenderService(OutboxSender sender, OutboxSignal signal, IOptions<EmailOptions> options, ILogger<OutboxSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SmtpConfigured)
        {
            logger.LogInformation("E-mail is not configured (Richtsnoer:Email:Smtp:Host is empty): messages stay in the outbox");
            return;
        }

        logger.LogInformation("E-mail goes out through {Host}:{Port} ({Security}) as sender {Sender}", settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.Security, sender.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                logger.LogDebug("Outbox round starts");
                await sender.SendDueAsync(stoppingToken);
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database may be briefly away; the next round tries again.
                logger.LogError(e, "The outbox sender failed; it tries again in {Delay}", settings.PollInterval);
                await Task.Delay(settings.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
