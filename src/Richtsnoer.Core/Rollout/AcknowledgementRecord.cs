using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Richtsnoer.Core.Rollout;

/// <summary>What an acknowledgement covers: the whole text, or only what changed since the person's last one.</summary>
public enum AcknowledgementScope
{
    Full,
    Changes,
}

/// <summary>
/// One acknowledgement, exactly as stored and exported: who, which version and text, the
/// statement they confirmed, how they signed in and when. The <see cref="Seal"/> is SHA-256 over
/// <see cref="Canonical"/>, a documented text form of every other field (docs/evidence.md,
/// recipe <c>richtsnoer-ack-1</c>), so anyone can recompute it from a CSV row by hand.
/// </summary>
public sealed record AcknowledgementRecord
{
    public const string Recipe = "richtsnoer-ack-1";

    public required Guid Id { get; init; }

    public required Guid OrganisationId { get; init; }

    public required Guid VersionId { get; init; }

    public required string VersionLabel { get; init; }

    /// <summary>The version's fingerprint: SHA-256 of its frozen snapshot.</summary>
    public required string VersionSha256 { get; init; }

    /// <summary>The language of the text the person read (nl or en).</summary>
    public required string Language { get; init; }

    public required Guid StaffMemberId { get; init; }

    public required string StaffName { get; init; }

    public required string StaffEmail { get; init; }

    public required AcknowledgementScope Scope { get; init; }

    /// <summary>For <see cref="AcknowledgementScope.Changes"/>: the version whose acknowledgement the changes were read against.</summary>
    public string? SinceLabel { get; init; }

    public required string Statement { get; init; }

    public required string StatementSha256 { get; init; }

    /// <summary>How the person was signed in: <c>email-link</c> (a personal link by e-mail).</summary>
    public required string Method { get; init; }

    /// <summary>The personal link the session was opened with.</summary>
    public Guid? LinkId { get; init; }

    /// <summary>When the first message about this version was queued for the person, if any.</summary>
    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public required DateTimeOffset AcknowledgedAt { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>Only when the organisation records addresses (off by default).</summary>
    public string? IpAddress { get; init; }

    public required string Seal { get; init; }

    /// <summary>Times as UTC ISO-8601 with exactly six decimals: what is hashed is what is printed.</summary>
    public static string Time(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A time cut to whole microseconds, the precision that is stored, printed and hashed.</summary>
    public static DateTimeOffset Microseconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string ScopeName(AcknowledgementScope scope) => scope == AcknowledgementScope.Changes ? "changes" : "full";

    public static AcknowledgementScope ParseScope(string text) => text switch
    {
        "full" => AcknowledgementScope.Full,
        "changes" => AcknowledgementScope.Changes,
        _ => throw new FormatException($"Unknown scope '{text}'."),
    };

    /// <summary>The fields in hashing order, with their names as in the CSV and JSON exports.</summary>
    public IReadOnlyList<(string Name, string Value)> Fields() =>
    [
        ("recipe", Recipe),
        ("id", Id.ToString("D")),
        ("organisation", OrganisationId.ToString("D")),
        ("version", VersionId.ToString("D")),
        ("version_label", VersionLabel),
        ("version_sha256", VersionSha256),
        ("language", Language),
        ("staff_member", StaffMemberId.ToString("D")),
        ("staff_name", StaffName),
        ("staff_email", StaffEmail),
        ("scope", ScopeName(Scope)),
        ("since_label", SinceLabel ?? string.Empty),
        ("statement_sha256", StatementSha256),
        ("method", Method),
        ("link", LinkId?.ToString("D") ?? string.Empty),
        ("sent_at", Time(SentAt)),
        ("opened_at", Time(OpenedAt)),
        ("acknowledged_at", Time(AcknowledgedAt)),
        ("user_agent", UserAgent ?? string.Empty),
        ("ip", IpAddress ?? string.Empty),
    ];

    /// <summary>
    /// The hashed text: one <c>name=value</c> line per field, in <see cref="Fields"/> order, each
    /// ending in a line feed; in values a backslash is written <c>\\</c>, a line feed <c>\n</c> and
    /// a carriage return <c>\r</c>. UTF-8.
    /// </summary>
    public string Canonical()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in Fields())
        {
            text.Append(name).Append('=').Append(Escape(value)).Append('\n');
        }

        return text.ToString();
    }

    public string ComputeSeal() => Sha256(Canonical());

    /// <summary>The first thing that does not add up, or null: the statement's hash, then the seal.</summary>
    public string? Problem() =>
        Sha256(Statement) != StatementSha256 ? "statement_sha256"
        : ComputeSeal() != Seal ? "seal"
        : null;

    /// <summary>Fills in the statement hash and the seal.</summary>
    public static AcknowledgementRecord Sealed(AcknowledgementRecord draft)
    {
        var withHash = draft with { StatementSha256 = Sha256(draft.Statement) };
        return withHash with { Seal = withHash.ComputeSeal() };
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
