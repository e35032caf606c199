using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Audit;

/// <summary>The organisation's audit trail for its owners: every entry, whether the chain is intact, and exports as CSV and JSON.</summary>
public sealed class IndexModel(AuditStore audit, EvidenceVerifier verifier) : OrganisationPageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public EvidenceReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        Entries = await audit.ListAsync(OrgId);
        Report = await verifier.VerifyAsync(OrgId);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        var sb = new StringBuilder();
        sb.Append("sequence,at,actor_id,actor,kind,version_id,data,previous_hash,hash\r\n");
        foreach (var e in await audit.ListAsync(OrgId))
        {
            sb.Append(e.Sequence.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(e.ActorId?.ToString() ?? string.Empty).Append(',')
                .Append(SpreadsheetCsv.Field(e.Actor)).Append(',')
                .Append(SpreadsheetCsv.Field(e.Kind)).Append(',')
                .Append(e.VersionId?.ToString() ?? string.Empty).Append(',')
                .Append(SpreadsheetCsv.Field(e.Data)).Append(',')
                .Append(e.PreviousHash).Append(',')
                .Append(e.Hash).Append("\r\n");
        }

        Response.Headers.CacheControl = "no-store";
        return File(SpreadsheetCsv.Bytes(sb.ToString()), "text/csv; charset=utf-8", $"logboek-{OrgId}.csv");
    }

    public async Task<IActionResult> OnGetJsonAsync()
    {
        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        var entries = (await audit.ListAsync(OrgId)).Select(e => new
        {
            sequence = e.Sequence,
            at = e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            actorId = e.ActorId,
            actor = e.Actor,
            kind = e.Kind,
            versionId = e.VersionId,
            data = e.Data,
            previousHash = e.PreviousHash,
            hash = e.Hash,
        });
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(new { organisationId = OrgId, entries }, new JsonSerializerOptions { WriteIndented = true }), "application/json", $"logboek-{OrgId}.json");
    }
}
