using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Rollout;
using Richtsnoer.Rendering;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Storage.Rollout;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Features.StaffPortal;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Rollout;

/// <summary>Where one person stands, as the overview filters it.</summary>
public enum PersonState
{
    Acknowledged,
    Opened,
    NeverOpened,
    NotSent,
}

/// <summary>
/// The owner's overview of the roll-out of the version in force: the share acknowledged, per
/// department, who is overdue, who never opened their link, whose e-mail failed; filters, a CSV
/// export, each person's proof and the version's evidence pack. Only the owner sees it: it names
/// people and addresses. Post checks are private and never appear here.
/// </summary>
public sealed class IndexModel(RolloutStore rollouts, VersionStore versions, RolloutService service, UserStore users, IOptions<RolloutOptions> options, TimeProvider clock) : OrganisationPageModel
{
    public VersionSummary? InForce { get; private set; }

    public IReadOnlyList<PersonStatus> People { get; private set; } = [];

    public IReadOnlyList<PersonStatus> Shown { get; private set; } = [];

    public bool RecordsIp { get; private set; }

    [BindProperty(SupportsGet = true, Name = "department")]
    public string? Department { get; set; }

    /// <summary>all, acknowledged, open, overdue, never-opened, failed.</summary>
    [BindProperty(SupportsGet = true, Name = "show")]
    public string? Show { get; set; }

    public int DueDays => options.Value.DueDays;

    public static PersonState StateOf(PersonStatus p) =>
        p.Need.Done ? PersonState.Acknowledged
        : p.OpenedAt is not null ? PersonState.Opened
        : p.Messages > 0 ? PersonState.NeverOpened
        : PersonState.NotSent;

    public bool Overdue(PersonStatus p) => IsOverdue(p, clock.GetUtcNow(), DueDays);

    /// <summary>Not acknowledged more than <paramref name="dueDays"/> after the first message.</summary>
    public static bool IsOverdue(PersonStatus p, DateTimeOffset now, int dueDays) => !p.Need.Done && p.FirstSentAt is { } sent && now - sent > TimeSpan.FromDays(dueDays);

    public IEnumerable<PersonStatus> Active => People.Where(p => p.Member.Active);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        await LoadAsync();
        var csv = new StringBuilder();
        csv.Append("name,email,department,status,overdue,messages,first_sent_at,opened_at,acknowledged_at,acknowledged_version,mail_failed\r\n");
        foreach (var p in Shown)
        {
            string[] fields =
            [
                p.Member.Name, p.Member.Email, p.Member.Department ?? string.Empty, StateName(StateOf(p)), Overdue(p) ? "yes" : "no",
                p.Messages.ToString(CultureInfo.InvariantCulture), AcknowledgementRecord.Time(p.FirstSentAt), AcknowledgementRecord.Time(p.OpenedAt),
                AcknowledgementRecord.Time(p.Acknowledgement?.AcknowledgedAt), p.Acknowledgement?.VersionLabel ?? string.Empty, p.MailFailed ? "yes" : "no",
            ];
            csv.Append(string.Join(',', fields.Select(SpreadsheetCsv.Field))).Append("\r\n");
        }

        return File(SpreadsheetCsv.Bytes(csv.ToString()), "text/csv; charset=utf-8", $"uitrol-{InForce?.Label ?? "geen"}.csv");
    }

    public async Task<IActionResult> OnGetProofAsync(Guid id)
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        var record = await rollouts.GetAsync(OrgId, id);
        return record is null
            ? NotFound()
            : File(await StaffReading.ProofPdfAsync(record, Membership.OrganisationName, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), HttpContext.RequestAborted), "application/pdf", StaffReading.ProofFileName(record));
    }

    /// <summary>The evidence pack of a version: new acknowledgements are anchored first, so every record in it is fixed in the audit trail.</summary>
    public async Task<IActionResult> OnGetPackAsync(Guid versionId)
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        var pack = await EvidencePackBuilder.BuildAsync(rollouts, versions, OrgId, Membership.OrganisationName, versionId, clock.GetUtcNow());
        if (pack is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(pack.Value.Bytes, "application/zip", pack.Value.FileName);
    }

    public async Task<IActionResult> OnPostIpAsync(bool on)
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        await rollouts.SetRecordsIpAsync(OrgId, on, await ActorAsync(users));
        return LocalRedirect($"/o/{OrgId}/rollout?saved=ip");
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        var queued = await service.SendDueAsync(OrgId);
        return LocalRedirect($"/o/{OrgId}/rollout?sent={queued}");
    }

    public static string StateName(PersonState state) => state switch
    {
        PersonState.Acknowledged => "acknowledged",
        PersonState.Opened => "opened",
        PersonState.NeverOpened => "never-opened",
        _ => "not-sent",
    };

    public static LocalText StateText(PersonState state) => state switch
    {
        PersonState.Acknowledged => new("bevestigd", "acknowledged"),
        PersonState.Opened => new("geopend, nog niet bevestigd", "opened, not yet acknowledged"),
        PersonState.NeverOpened => new("link nooit geopend", "link never opened"),
        _ => new("nog niet verstuurd", "not sent yet"),
    };

    private async Task LoadAsync()
    {
        RecordsIp = await rollouts.RecordsIpAsync(OrgId);
        InForce = await rollouts.InForceAsync(OrgId);
        if (InForce is null)
        {
            return;
        }

        People = (await rollouts.StatusAsync(OrgId, InForce)).OrderBy(p => p.Member.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        Shown = Active
            .Where(p => Department is null || (Department.Length == 0 ? p.Member.Department is null : p.Member.Department == Department))
            .Where(p => Show switch
            {
                "acknowledged" => p.Need.Done,
                "open" => !p.Need.Done,
                "overdue" => Overdue(p),
                "never-opened" => StateOf(p) == PersonState.NeverOpened,
                "failed" => p.MailFailed,
                _ => true,
            })
            .ToList();
    }
}

/// <summary>Builds a version's evidence pack from the database (shared by the overview and the API).</summary>
public static class EvidencePackBuilder
{
    public static async Task<(byte[] Bytes, string FileName)?> BuildAsync(RolloutStore rollouts, VersionStore versions, Guid organisationId, string organisationName, Guid versionId, DateTimeOffset now)
    {
        if (await versions.GetAsync(organisationId, versionId) is not { } version || version.Summary.PublishedAt is null)
        {
            return null;
        }

        await rollouts.AnchorAsync(organisationId);
        var language = version.Snapshot.Languages[0];
        var document = Versions.VersionDocuments.Clean(version.Snapshot.Find(language, DocumentKind.Protocol)!);
        document = document with { Metadata = document.Metadata with { Adoption = Versions.VersionDocuments.Adoption(version, language)[language] } };
        var pdf = Renderers.For("pdf")!.RenderToBytes(document);
        var records = await rollouts.OfVersionAsync(organisationId, versionId);
        var anchors = await rollouts.AnchorsAsync(organisationId, versionId);
        var bytes = EvidencePack.Build(new EvidencePackInput(organisationId, organisationName, versionId, version.Summary.Label, version.SnapshotJson, pdf, records, anchors, AcknowledgementRecord.Microseconds(now)));
        return (bytes, $"bewijspakket-{version.Summary.Label}.zip");
    }
}
