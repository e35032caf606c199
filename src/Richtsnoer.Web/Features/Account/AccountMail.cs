using Richtsnoer.Core;
using Richtsnoer.Core.Email;
using Richtsnoer.Email;
using Richtsnoer.Storage.Email;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

/// <summary>
/// The account e-mails: a registration link (or, for a taken address, a notice to its owner), a
/// reset link, and the notice that the password was changed.
/// </summary>
public sealed class AccountMail(EmailTemplates templates, PasswordResetStore resets, RegistrationStore registrations, OutboxStore outbox, OutboxSignal signal, ILogger<AccountMail> logger)
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

    /// <summary>
    /// Queues a registration link for an address without an account, or a notice for one with an
    /// account; the caller answers the same in both cases. Nothing when the address asked too often.
    /// </summary>
    public async Task SendRegistrationAsync(HttpContext context, string email)
    {
        var token = PasswordResetStore.NewToken();
        var language = context.Lang();
        var queued = await registrations.RequestAsync(
            email,
            token,
            () => new OutgoingEmail("register-confirm", language, email.Trim(), null, templates.Render("register-confirm", language, new Dictionary<string, string>
            {
                ["link"] = PublicUrl.Link(context, "/account/register/complete?token=" + token),
                ["hours"] = ((int)RegistrationStore.Lifetime.TotalHours).ToString(System.Globalization.CultureInfo.InvariantCulture),
            })),
            () => new OutgoingEmail("register-existing", language, email.Trim(), null, templates.Render("register-existing", language, new Dictionary<string, string>
            {
                ["login"] = PublicUrl.Link(context, "/account/login"),
                ["forgot"] = PublicUrl.Link(context, "/account/forgot"),
            })));
        if (queued)
        {
            signal.Notify();
            logger.LogInformation("Registration message queued");
        }
        else
        {
            logger.LogWarning("Registration message not sent: {Max} messages to the address in the last hour", RegistrationStore.MaxPerHour);
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
