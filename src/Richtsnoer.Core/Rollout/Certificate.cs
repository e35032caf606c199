using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Rollout;

/// <summary>
/// The "bewijs van kennisname" of one acknowledgement as a document any renderer prints: who,
/// which version and text hash, when, how, the seal and the steps to recompute it.
/// </summary>
public static class Certificate
{
    public static ProtocolDocument Build(AcknowledgementRecord record, string organisationName, Language language, DateOnly today)
    {
        var en = language == Language.En;
        string T(string nl, string english) => en ? english : nl;
        IReadOnlyList<IReadOnlyList<Inline>> Row(string label, string value) => [[new Inline(label)], [new Inline(value.Length == 0 ? "—" : value)]];

        var facts = new Table(
        [
            Row(T("Gegeven", "Field"), T("Waarde", "Value")),
            Row(T("Medewerker", "Employee"), $"{record.StaffName} <{record.StaffEmail}>"),
            Row(T("Organisatie", "Organisation"), organisationName),
            Row(T("Versie", "Version"), record.VersionLabel),
            Row(T("Vingerafdruk van de versie (SHA-256)", "Fingerprint of the version (SHA-256)"), record.VersionSha256),
            Row(T("Taal van de gelezen tekst", "Language of the text read"), record.Language),
            Row(T("Omvang", "Scope"), record.Scope == AcknowledgementScope.Changes
                ? T($"de wijzigingen sinds versie {record.SinceLabel}", $"the changes since version {record.SinceLabel}")
                : T("de hele tekst", "the whole text")),
            Row(T("Verzonden (UTC)", "Sent (UTC)"), AcknowledgementRecord.Time(record.SentAt)),
            Row(T("Eerst geopend (UTC)", "First opened (UTC)"), AcknowledgementRecord.Time(record.OpenedAt)),
            Row(T("Bevestigd (UTC)", "Confirmed (UTC)"), AcknowledgementRecord.Time(record.AcknowledgedAt)),
            Row(T("Aangemeld via", "Signed in by"), record.Method == "email-link" ? T("persoonlijke link per e-mail", "personal link by e-mail") + (record.LinkId is { } l ? $" ({l:D})" : string.Empty) : record.Method),
            Row(T("Browser", "Browser"), record.UserAgent ?? string.Empty),
            Row(T("IP-adres", "IP address"), record.IpAddress ?? T("niet vastgelegd", "not recorded")),
            Row(T("Kenmerk van de bevestiging", "Acknowledgement id"), record.Id.ToString("D")),
        ]);

        var statement = new Clause("certificate-statement", 1, "1.1", T("De bevestigde verklaring", "The confirmed statement"), [],
        [
            new Paragraph([new Inline(record.Statement, Strong: true)]),
            new Paragraph([new Inline(T("SHA-256 van deze verklaring: ", "SHA-256 of this statement: ")), new Inline(record.StatementSha256)]),
        ]);
        var details = new Clause("certificate-facts", 1, "1.2", T("Wie, wat, wanneer en hoe", "Who, what, when and how"), [], [facts]);
        var seal = new Clause("certificate-seal", 1, "1.3", T("Zegel", "Seal"), [],
        [
            new Paragraph([new Inline(record.Seal, Strong: true)]),
            new Paragraph([new Inline(T(
                $"Het zegel is de SHA-256 van alle gegevens hierboven, volgens recept {AcknowledgementRecord.Recipe}. Zo rekent u het na:",
                $"The seal is the SHA-256 of all the facts above, by recipe {AcknowledgementRecord.Recipe}. To recompute it:"))]),
            new NumberedList(
            [
                [new Inline(T(
                    "Schrijf elk gegeven op een eigen regel als naam=waarde, in deze volgorde en met deze namen:",
                    "Write each field on its own line as name=value, in this order and with these names:"))],
                [new Inline(string.Join(", ", record.Fields().Select(f => f.Name)))],
                [new Inline(T(
                    "Elke regel eindigt op een regeleinde (LF). In een waarde schrijft u \\ als \\\\, een regeleinde als \\n en een CR als \\r. Tijden in UTC met zes decimalen, zoals hierboven.",
                    "Every line ends in a line feed (LF). In a value, write \\ as \\\\, a line feed as \\n and a CR as \\r. Times in UTC with six decimals, as above."))],
                [new Inline(T(
                    "Bereken de SHA-256 van die tekst in UTF-8, bijvoorbeeld met sha256sum. Is de uitkomst gelijk aan het zegel, dan is er niets veranderd.",
                    "Compute the SHA-256 of that text in UTF-8, for example with sha256sum. If the result equals the seal, nothing was changed."))],
                [new Inline(T(
                    "Het bewijspakket van de versie bevat alle bevestigingen en een programma-onafhankelijke controle: richtsnoer evidence verify PAKKET.zip.",
                    "The version's evidence pack holds every acknowledgement and an independent check: richtsnoer evidence verify PACK.zip."))],
            ]),
        ]);

        var title = T("Bewijs van kennisname", "Proof of acknowledgement");
        var metadata = new DocumentMetadata(
            DocumentKind.Protocol,
            title,
            organisationName,
            language,
            record.VersionLabel,
            null,
            today,
            T("Bewijs dat een medewerker het social-mediaprotocol las en bevestigde", "Proof that an employee read and confirmed the social media protocol"),
            ["kennisname", "social media"]);
        return new ProtocolDocument(metadata, [new Section("certificate", "1", title, false, [statement, details, seal])], new CoverageReport([]));
    }
}
