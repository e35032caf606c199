using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Richtsnoer.Core.Adoption;

/// <summary>One entry of an organisation's audit trail, as stored.</summary>
public sealed record AuditEntry(
    long Sequence,
    Guid OrganisationId,
    DateTimeOffset At,
    Guid? ActorId,
    string Actor,
    string Kind,
    Guid? VersionId,
    string Data,
    string PreviousHash,
    string Hash);

/// <summary>
/// The hash chain of the audit trail. Each entry's hash is SHA-256 over the previous entry's hash
/// and the entry's own fields in a fixed text form, so changing, removing or inserting an entry
/// anywhere breaks every hash after it. The first entry of an organisation chains to 64 zeros.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The text that is hashed: one field per line, in this order, times as UTC ISO-8601 with
    /// microseconds, ids as lower-case GUIDs (empty when absent). Documented in docs/evidence.md.
    /// </summary>
    public static string Canonical(long sequence, Guid organisationId, DateTimeOffset at, Guid? actorId, string actor, string kind, Guid? versionId, string data, string previousHash) =>
        string.Join('\n',
            "richtsnoer-audit-1",
            sequence.ToString(CultureInfo.InvariantCulture),
            organisationId.ToString("D"),
            at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            actorId?.ToString("D") ?? string.Empty,
            actor,
            kind,
            versionId?.ToString("D") ?? string.Empty,
            data,
            previousHash);

    public static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    public static string Hash(long sequence, Guid organisationId, DateTimeOffset at, Guid? actorId, string actor, string kind, Guid? versionId, string data, string previousHash) =>
        Hash(Canonical(sequence, organisationId, at, actorId, actor, kind, versionId, data, previousHash));

    /// <summary>
    /// Checks one organisation's entries in order: numbering without gaps from 1, each entry
    /// chaining to the one before, each hash matching its fields. Null when all is well, else
    /// the first entry that is wrong and why.
    /// </summary>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entries)
    {
        var previous = Genesis;
        var expected = 1L;
        foreach (var e in entries)
        {
            if (e.Sequence != expected)
            {
                return new AuditBreak(e.OrganisationId, expected, e.Sequence < expected ? "entry numbered twice or out of order" : $"entry {expected} is missing");
            }

            if (e.PreviousHash != previous)
            {
                return new AuditBreak(e.OrganisationId, e.Sequence, "does not chain to the entry before it");
            }

            if (Hash(e.Sequence, e.OrganisationId, e.At, e.ActorId, e.Actor, e.Kind, e.VersionId, e.Data, e.PreviousHash) != e.Hash)
            {
                return new AuditBreak(e.OrganisationId, e.Sequence, "its contents do not match its hash");
            }

            previous = e.Hash;
            expected++;
        }

        return null;
    }
}

/// <summary>Where an organisation's audit trail is broken: the first wrong entry.</summary>
public sealed record AuditBreak(Guid OrganisationId, long Sequence, string Reason)
{
    public override string ToString() => $"organisation {OrganisationId}: audit entry {Sequence} {Reason}";
}
