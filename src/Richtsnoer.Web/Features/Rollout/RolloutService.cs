using System.Globalization;
using Microsoft.Extensions.Options;
using Richtsnoer.Core;
using Richtsnoer.Core.Email;
using Richtsnoer.Core.Rollout;
using Richtsnoer.Email;
using Richtsnoer.Storage.Email;
using Richtsnoer.Storage.Rollout;

namespace Richtsnoer.Web.Features.Rollout;

/// <summary>Configuration of the roll-out (<c>Richtsnoer:Rollout</c>).</summary>
public sealed class RolloutOptions
{
    /// <summary>Days after the invitation on which reminders go out; at most three. Null: 7 and 14 (not an initialised array, which configuration binding would append to).</summary>
    public int[]? ReminderDays { get; set; }

    /// <summary>How often each instance looks for due reminders and loose acknowledgements to anchor.</summary>
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>After this many days without acknowledgement a person counts as overdue.</summary>
    public int DueDays { get; set; } = 14;
}

/// <summary>
/// Starts a roll-out when a version is published, and sends what is due: the messages are built
/// here (in the person's language) and queued by <see cref="RolloutStore"/> in its transactions.
/// </summary>
public sealed class RolloutService(RolloutStore rollouts, EmailTemplates templates, OutboxSignal signal, IOptions<RolloutOptions> options, ILogger<RolloutService> logger)
{
    public ReminderSchedule Schedule => options.Value.ReminderDays is { } days ? ReminderSchedule.Of(days) : ReminderSchedule.Default;

    /// <summary>Called right after publication: records the roll-out and queues the invitations at once.</summary>
    public async Task StartAsync(HttpContext context, Guid organisationId, Guid versionId)
    {
        await rollouts.StartAsync(organisationId, versionId, Infrastructure.PublicUrl.Link(context, string.Empty));
        await SendDueAsync(organisationId);
    }

    public async Task<int> SendDueAsync(Guid organisationId, CancellationToken ct = default)
    {
        var queued = await rollouts.SendDueAsync(organisationId, Schedule, Compose, ct);
        if (queued > 0)
        {
            logger.LogInformation("Roll-out of organisation {OrganisationId}: {Count} message(s) queued", organisationId, queued);
            signal.Notify();
        }

        return queued;
    }

    public OutgoingEmail Compose(RolloutMail mail)
    {
        var language = mail.Member.Language;
        var link = $"{mail.BaseUrl}/s/{mail.Version.OrganisationId}/signin?token={Uri.EscapeDataString(mail.Token)}";
        var days = StaffSessionStore.Lifetime(LinkPurpose.Invitation).TotalDays.ToString(CultureInfo.InvariantCulture);
        var organisation = mail.OrganisationName;
        var (template, values) = mail.Number > 0
            ? ("rollout-reminder", new Dictionary<string, string> { ["organisation"] = organisation, ["label"] = mail.Version.Label, ["link"] = link, ["days"] = days })
            : mail.Need.Scope == AcknowledgementScope.Changes
                ? ("rollout-changes", new Dictionary<string, string> { ["organisation"] = organisation, ["label"] = mail.Version.Label, ["since"] = mail.Need.Since!.Label, ["link"] = link, ["days"] = days })
                : ("rollout-invitation", new Dictionary<string, string> { ["organisation"] = organisation, ["label"] = mail.Version.Label, ["link"] = link, ["days"] = days });
        return new OutgoingEmail(template, language, mail.Member.Email, mail.Member.Name, templates.Render(template, language, values), mail.Version.OrganisationId);
    }

    public OutgoingEmail ComposeRequested(string organisation, Guid organisationId, string baseUrl, Storage.Staff.StaffMember member, string token)
    {
        var link = $"{baseUrl}/s/{organisationId}/signin?token={Uri.EscapeDataString(token)}";
        var minutes = StaffSessionStore.Lifetime(LinkPurpose.Request).TotalMinutes.ToString(CultureInfo.InvariantCulture);
        return new OutgoingEmail("staff-link", member.Language, member.Email, member.Name,
            templates.Render("staff-link", member.Language, new Dictionary<string, string> { ["organisation"] = organisation, ["link"] = link, ["minutes"] = minutes }), organisationId);
    }

}

/// <summary>
/// On every instance, every <see cref="RolloutOptions.IntervalSeconds"/>: queue the reminders that
/// are due and anchor new acknowledgements. Two instances doing it at once queue nothing twice
/// (the unique key of rollout_messages) and anchor nothing twice (the organisation's row lock and
/// the unique acknowledgement id of acknowledgement_anchors).
/// </summary>
public sealed class RolloutBackgroundService(RolloutService service, RolloutStore rollouts, IOptions<RolloutOptions> options, ILogger<RolloutBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stoppingToken);
                foreach (var organisationId in await rollouts.OrganisationsAsync(stoppingToken))
                {
                    await service.SendDueAsync(organisationId, stoppingToken);
                    await rollouts.AnchorAsync(organisationId, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The roll-out round failed; the next round tries again");
            }
        }
    }
}
