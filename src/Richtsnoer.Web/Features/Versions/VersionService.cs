using Richtsnoer.Core;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Web.Features.Protocol;

namespace Richtsnoer.Web.Features.Versions;

/// <summary>What a new version would be: its label, the proposed kind of change, and why not, if it cannot be made.</summary>
public sealed record VersionProposal(VersionSummary? Latest, bool ProposeSubstantive, IReadOnlyList<LocalText> Problems)
{
    public VersionLabel LabelFor(bool substantive) =>
        Latest is null ? VersionLabel.First : Parse(Latest.Label).Next(substantive);

    public static VersionLabel Parse(string label)
    {
        var parts = label.Split('.');
        return new VersionLabel(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Makes versions from the current draft: assembles every selected language (protocol and staff
/// summary) outside any transaction, freezes them in a <see cref="VersionSnapshot"/>, and lets the
/// store insert it only if no one made a version meanwhile.
/// </summary>
public sealed class VersionService(ProtocolStore protocols, VersionStore versions, ProtocolBuilder builder, AnswersCodec codec, ContentLibrary library)
{
    public async Task<VersionProposal> ProposeAsync(Guid organisationId, CancellationToken ct = default)
    {
        var draft = await protocols.GetAsync(organisationId, ct) ?? throw new KeyNotFoundException();
        var latest = await versions.LatestAsync(organisationId, ct);
        var (snapshot, problems) = Build(organisationId, draft, "0.0");
        if (snapshot is null)
        {
            return new VersionProposal(latest, false, problems);
        }

        var substantive = true;
        if (latest is not null && await versions.GetAsync(organisationId, latest.Id, ct) is { } previous)
        {
            substantive = RuleChanged(previous.Snapshot, snapshot);
        }

        return new VersionProposal(latest, substantive, []);
    }

    /// <summary>Creates the next version; the label follows from the newest one and the kind of change.</summary>
    public async Task<(CreateOutcome Outcome, Guid? VersionId, IReadOnlyList<LocalText> Problems)> CreateAsync(Guid organisationId, Actor actor, bool substantive, CancellationToken ct = default)
    {
        var draft = await protocols.GetAsync(organisationId, ct) ?? throw new KeyNotFoundException();
        var latest = await versions.LatestAsync(organisationId, ct);
        var label = (latest is null ? VersionLabel.First : VersionProposal.Parse(latest.Label).Next(substantive)).ToString();
        var (snapshot, problems) = Build(organisationId, draft, label);
        if (snapshot is null)
        {
            return (CreateOutcome.Unchanged, null, problems);
        }

        var (outcome, id) = await versions.CreateAsync(organisationId, actor, latest?.Id, snapshot, latest is null || substantive, ct);
        return (outcome, id, []);
    }

    /// <summary>
    /// A rule changed when a clause came or went, or a clause's text changed because of an answer
    /// or an adaptation; a changed name, contact or date is editorial. The editor decides in the end.
    /// </summary>
    public static bool RuleChanged(VersionSnapshot before, VersionSnapshot after)
    {
        var a = before.Find(Language.Nl, DocumentKind.Protocol) ?? before.Documents[0].Document;
        var b = after.Find(Language.Nl, DocumentKind.Protocol) ?? after.Documents[0].Document;
        var idsA = a.AllClauses.Select(c => c.Id).ToList();
        var idsB = b.AllClauses.Select(c => c.Id).ToList();
        if (!idsA.SequenceEqual(idsB))
        {
            return true;
        }

        var blocksA = a.AllClauses.ToDictionary(c => c.Id, c => c.Blocks.Count);
        return b.AllClauses.Any(c => blocksA[c.Id] != c.Blocks.Count || c.Origin != a.AllClauses.First(x => x.Id == c.Id).Origin);
    }

    private (VersionSnapshot? Snapshot, IReadOnlyList<LocalText> Problems) Build(Guid organisationId, ProtocolDraft draft, string label)
    {
        var documents = new List<SnapshotDocument>();
        foreach (var language in builder.Languages(draft.Answers))
        {
            var final = builder.Final(draft.Answers, language, label);
            if (final.Document is not { } protocol)
            {
                return (null, final.Problems);
            }

            documents.Add(new SnapshotDocument(language, DocumentKind.Protocol, protocol));
            documents.Add(new SnapshotDocument(language, DocumentKind.Summary, builder.Summary(draft.Answers, protocol)));
        }

        var answers = Core.Answers.AnswerDefaults.Apply(draft.Answers, library);
        return (new VersionSnapshot(
            VersionSnapshot.CurrentFormat,
            organisationId,
            label,
            ContentVersion.Of(ContentLibrary.DefaultDirectory()),
            codec.Write(draft.Answers),
            ConsentRequirement.From(answers),
            documents), []);
    }
}

/// <summary>The consent request of a version, as a document in one language.</summary>
public sealed class ConsentRequestService(VersionStore versions, ContentLibrary library, TimeProvider clock)
{
    public async Task<ProtocolDocument?> BuildAsync(Guid organisationId, string organisationName, Guid versionId, Language language, CancellationToken ct = default)
    {
        if (await versions.GetAsync(organisationId, versionId, ct) is not { } version || version.Snapshot.Find(language, DocumentKind.Protocol) is not { } protocol)
        {
            return null;
        }

        // A change is measured against the version in force (or, before any publication, none).
        var all = await versions.ListAsync(organisationId, ct);
        var inForce = all.LastOrDefault(v => v.Number < version.Summary.Number && v.State == Core.Adoption.VersionState.Published);
        var previous = inForce is null ? null : (await versions.GetAsync(organisationId, inForce.Id, ct))?.Snapshot.Find(language, DocumentKind.Protocol);
        var parsed = Core.Answers.AnswersFile.Parse(version.Snapshot.Answers, "version.yaml", library);
        var answers = parsed.Ok ? parsed with { Answers = Core.Answers.AnswerDefaults.Apply(parsed.Answers!, library) } : parsed;
        var facts = new ConsentRequestFacts(
            organisationName,
            version.Summary.Label,
            inForce?.Label,
            protocol.Metadata.EffectiveDate,
            version.Requirement.Monitoring,
            answers.Ok ? InLanguage(answers.Answers!, "monitoring_purpose", language) : null,
            version.Requirement.CaoRegulates,
            previous is null ? [] : ChangedClauses(previous, protocol, language),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            answers.Ok ? Monitoring(answers.Answers!, language) : null);
        return ConsentRequest.Default.Build(facts, language);
    }

    /// <summary>A text answer in the request's language; null when it has no text in that language (never Dutch inside English).</summary>
    private static string? InLanguage(Core.Answers.AnswerSet answers, string id, Language language) =>
        answers.Get<Core.Answers.TextAnswer>(id) is { } t ? (language == Language.En ? t.En : t.Value) : null;

    private MonitoringFacts Monitoring(Core.Answers.AnswerSet answers, Language language)
    {
        var ground = answers.Choice("monitoring_ground") is { } g
            ? library.Interview.Find("monitoring_ground")?.Options.FirstOrDefault(o => o.Id == g)?.Label[language]
            : null;
        return new MonitoringFacts(InLanguage(answers, "monitoring_means", language), ground, InLanguage(answers, "monitoring_retention", language), InLanguage(answers, "monitoring_access", language));
    }

    /// <summary>"3.2 Titel (gewijzigd)": the clauses that came, went, moved or changed between two protocols, from the redline.</summary>
    public static IReadOnlyList<string> ChangedClauses(ProtocolDocument before, ProtocolDocument after, Language language)
    {
        var redline = Core.Redline.RedlineComparer.Compare(VersionDocuments.Clean(before), VersionDocuments.Clean(after));
        return redline.Sections.SelectMany(s => s.Clauses)
            .Where(c => c.Status != Core.Redline.ClauseStatus.Unchanged && !c.IsMoveOrigin)
            .Select(c => $"{c.Number} {(c.New ?? c.Old)!.Title} ({Word(c.Status, language)})")
            .ToList();
    }

    private static string Word(Core.Redline.ClauseStatus status, Language language) => (status, language) switch
    {
        (Core.Redline.ClauseStatus.Added, Language.En) => "new",
        (Core.Redline.ClauseStatus.Added, _) => "nieuw",
        (Core.Redline.ClauseStatus.Removed, Language.En) => "removed",
        (Core.Redline.ClauseStatus.Removed, _) => "vervallen",
        (Core.Redline.ClauseStatus.Moved, Language.En) => "moved",
        (Core.Redline.ClauseStatus.Moved, _) => "verplaatst",
        (_, Language.En) => "changed",
        _ => "gewijzigd",
    };
}

/// <summary>Two versions compared: which, in which language, and the redline between their clean protocols.</summary>
public sealed record VersionComparison(VersionSummary From, VersionSummary To, IReadOnlyList<VersionSummary> Choices, Language Language, Core.Redline.ProtocolRedline Redline)
{
    public Rendering.Redline.RedlineInput Input => new(Redline, From.Label, To.Label, "Richtsnoer", To.CreatedAt, Language);
}

/// <summary>The redline between two versions the viewer may see, for the page and the API alike.</summary>
public static class VersionComparer
{
    /// <summary>
    /// Compares version <paramref name="versionId"/> with <paramref name="from"/> or, without it, the
    /// version before it; only versions <paramref name="visible"/> allows take part. Null when
    /// either is missing or they share no language.
    /// </summary>
    public static async Task<VersionComparison?> CompareAsync(VersionStore versions, Guid organisationId, Guid versionId, Guid? from, string? lang, Func<VersionSummary, bool> visible)
    {
        var all = (await versions.ListAsync(organisationId)).Where(visible).ToList();
        if (all.FirstOrDefault(v => v.Id == versionId) is not { } to)
        {
            return null;
        }

        var choices = all.Where(v => v.Id != to.Id).ToList();
        var source = from is { } f ? choices.FirstOrDefault(v => v.Id == f) : choices.LastOrDefault(v => v.Number < to.Number);
        if (source is null)
        {
            return null;
        }

        var after = (await versions.GetAsync(organisationId, to.Id))!.Snapshot;
        var before = (await versions.GetAsync(organisationId, source.Id))!.Snapshot;
        var languages = after.Languages.Intersect(before.Languages).ToList();
        if (languages.Count == 0)
        {
            return null;
        }

        var language = LanguageExtensions.TryParse(lang, out var l) && languages.Contains(l) ? l : languages[0];
        var redline = Core.Redline.RedlineComparer.Compare(
            VersionDocuments.Clean(before.Find(language, DocumentKind.Protocol)!),
            VersionDocuments.Clean(after.Find(language, DocumentKind.Protocol)!));
        return new VersionComparison(source, to, choices, language, redline);
    }
}
