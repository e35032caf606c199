using System.Text;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Core.Rollout;

namespace Richtsnoer.Core.Tests.Rollout;

/// <summary>A small but complete evidence pack: three acknowledgements of one version, one anchor in a real audit entry.</summary>
public static class PackSamples
{
    public static readonly Guid Organisation = Guid.Parse("0f8f6b3e-5d0c-4c55-9a1e-3c2b1a000001");

    public static readonly Guid Version = Guid.Parse("0f8f6b3e-5d0c-4c55-9a1e-3c2b1a000002");

    public const string Snapshot = "{\"format\":1,\"label\":\"1.0\",\"answers\":\"org_name: Drukkerij Van Dam\\n\"}";

    public static readonly DateTimeOffset At = new(2026, 12, 1, 9, 30, 15, 123, TimeSpan.Zero);

    public static AcknowledgementRecord Record(int i, string? userAgent = "Mozilla/5.0 (iPhone)") => AcknowledgementRecord.Sealed(new AcknowledgementRecord
    {
        Id = Guid.Parse($"0f8f6b3e-5d0c-4c55-9a1e-3c2b1a1000{i:00}"),
        OrganisationId = Organisation,
        VersionId = Version,
        VersionLabel = "1.0",
        VersionSha256 = VersionSnapshot.Hash(Snapshot),
        Language = i == 2 ? "en" : "nl",
        StaffMemberId = Guid.Parse($"0f8f6b3e-5d0c-4c55-9a1e-3c2b1a2000{i:00}"),
        StaffName = i == 1 ? "Zoë \"Zee\" d'Ancona, jr." : $"Medewerker {i}",
        StaffEmail = $"medewerker{i}@voorbeeld.nl",
        Scope = AcknowledgementScope.Full,
        Statement = "Ik heb versie 1.0 van het social-mediaprotocol van Drukkerij Van Dam gelezen en begrepen.",
        StatementSha256 = string.Empty,
        Method = "email-link",
        LinkId = Guid.Parse($"0f8f6b3e-5d0c-4c55-9a1e-3c2b1a3000{i:00}"),
        SentAt = At.AddDays(-1).AddTicks(4560),
        OpenedAt = At.AddMinutes(i),
        AcknowledgedAt = AcknowledgementRecord.Microseconds(At.AddMinutes(i + 5).AddTicks(7)),
        UserAgent = userAgent,
        IpAddress = null,
        Seal = string.Empty,
    });

    public static byte[] Pack(IReadOnlyList<AcknowledgementRecord>? records = null, Func<IReadOnlyList<AcknowledgementRecord>, IReadOnlyList<AcknowledgementRecord>>? anchoredOnly = null)
    {
        records ??= [Record(1), Record(2), Record(3, "line\nbreak \\ and, comma")];
        var anchored = anchoredOnly?.Invoke(records) ?? records;
        var anchorId = Guid.Parse("0f8f6b3e-5d0c-4c55-9a1e-3c2b1a400001");
        var root = MerkleTree.Root(anchored.Select(r => r.Seal).ToList());
        var data = $"{{\"anchor\":\"{anchorId:D}\",\"count\":{anchored.Count},\"root\":\"{root}\"}}";
        var at = AcknowledgementRecord.Microseconds(At.AddHours(1));
        var previous = new string('a', 64);
        var hash = AuditChain.Hash(7, Organisation, at, null, "Richtsnoer", "acknowledgements.anchored", Version, data, previous);
        var entry = new AuditEntry(7, Organisation, at, null, "Richtsnoer", "acknowledgements.anchored", Version, data, previous, hash);
        return EvidencePack.Build(new EvidencePackInput(
            Organisation, "Drukkerij Van Dam", Version, "1.0", Snapshot, Encoding.ASCII.GetBytes("%PDF-1.7\n% a protocol\n%%EOF\n"),
            records, [new Anchor(anchorId, anchored.Select(r => r.Id).ToList(), root, entry)], at.AddMinutes(1)));
    }
}
