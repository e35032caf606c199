using Richtsnoer.Core;
using Richtsnoer.Core.Email;
using Richtsnoer.Email;
using Richtsnoer.Storage.Email;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

/// <summary>The account e-mails: a reset link, and the notice that the password was changed.</summary>
public sealed class PasswordMail(EmailTemplates templates, PasswordResetStore resets, OutboxStore outbox, OutboxSignal signal, ILogger<PasswordMail> logger)
{
    /// <summary>Stores a new reset token and queues its link; nothing when the account asked too often.</summary>
    public async Task SendResetAsync(HttpContext context, User user)
    {
        var token = PasswordResetStore.NewToken();
        var language = user.PreferredLanguage;
        var created = await resets.CreateAsync(user.Id, token, () => new OutgoingEmail(
            "password-reset",
            language,
            user.Email,
            null,
            templates.Render("password-reset", language, new Dictionary<string, string>
            {
                ["link"] = PublicUrl.Link(context, "/account/reset?token=" + token),
                ["minutes"] = ((int)PasswordResetStore.Lifetime.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture),
            })));
        if (created)
        {
            signal.Notify();
            logger.LogInformation("Password reset link queued for user {UserId}", user.Id);
        }
        else
        {
            logger.LogWarning("Password reset for user {UserId} not sent: {Max} links in the last hour", user.Id, PasswordResetStore.MaxPerHour);
        }
    }

    public async Task ChangedAsync(HttpContext context, User user)
    {
        var language = user.PreferredLanguage;
        await outbox.EnqueueAsync(new OutgoingEmail(
            "password-changed",
            language,
            user.Email,
            null,
            templates.Render("password-changed", language, new Dictionary<string, string> { ["link"] = PublicUrl.Link(context, "/account/forgot") })));
        signal.Notify();
    }
}
