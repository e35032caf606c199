using Richtsnoer.Core;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Redline;
using Richtsnoer.Core.Rollout;
using Richtsnoer.Rendering;
using Richtsnoer.Rendering.Redline;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Storage.Rollout;

namespace Richtsnoer.Web.Features.StaffPortal;

/// <summary>What a person reads for the version in force: the whole text, or only the clauses that changed since their last acknowledgement.</summary>
public sealed record Reading(
    VersionSummary Version,
    Need Need,
    Language Language,
    ProtocolDocument Document,
    string? ChangesHtml,
    int ChangedClauses,
    string Statement);

/// <summary>Builds <see cref="Reading"/> from the frozen snapshots, and the proof PDF of an acknowledgement.</summary>
public sealed class StaffReading(VersionStore versions, RolloutStore rollouts)
{
    /// <param name="withChanges">False when only the statement is needed (confirming): the redline is then not computed.</param>
    public async Task<Reading?> ForAsync(StaffSession session, bool withChanges = true, CancellationToken ct = default)
    {
        var (inForce, need) = await rollouts.NeedAsync(session.OrganisationId, session.Member.Id, ct);
        if (inForce is null || await versions.GetAsync(session.OrganisationId, inForce.Id, ct) is not { } version)
        {
            return null;
        }

        var languages = version.Snapshot.Languages;
        var language = languages.Contains(session.Member.Language) ? session.Member.Language : languages[0];
        var document = Versions.VersionDocuments.Clean(version.Snapshot.Find(language, DocumentKind.Protocol)!);
        string? changes = null;
        var changed = 0;
        if (withChanges && !need.Done && need.Scope == AcknowledgementScope.Changes && await versions.GetAsync(session.OrganisationId, need.Since!.Id, ct) is { } since)
        {
            var old = since.Snapshot.Find(language, DocumentKind.Protocol) ?? since.Snapshot.Documents.First(d => d.Kind == DocumentKind.Protocol).Document;
            var redline = RedlineComparer.Compare(Versions.VersionDocuments.Clean(old), document);
            var onlyChanged = redline with
            {
                Sections = redline.Sections
                    .Where(s => s.HasChanges)
                    .Select(s => s with { Clauses = s.Clauses.Where(c => c.Status != ClauseStatus.Unchanged).ToList() })
                    .ToList(),
            };
            changed = onlyChanged.Sections.Sum(s => s.Clauses.Count);
            changes = RedlineHtmlRenderer.Fragment(new RedlineInput(onlyChanged, since.Summary.Label, version.Summary.Label, session.OrganisationName, version.Summary.PublishedAt ?? version.Summary.CreatedAt, language, ShowUnchanged: false));
        }

        var statement = Statements.Default.For(language, need.Scope, session.OrganisationName, version.Summary.Label, need.Since?.Label);
        return new Reading(version.Summary, need, language, document, changes, changed, statement);
    }

    /// <summary>The "bewijs van kennisname" as PDF, in the language of the text that was read.</summary>
    public static Task<MemoryStream> ProofPdfAsync(AcknowledgementRecord record, string organisationName, DateOnly today, CancellationToken cancel)
    {
        LanguageExtensions.TryParse(record.Language, out var language);
        var document = Certificate.Build(record, organisationName, language, today);
        return Infrastructure.DocumentBuffers.RenderAsync(Renderers.For("pdf")!, document, cancel);
    }

    public static string ProofFileName(AcknowledgementRecord record) =>
        $"bewijs-van-kennisname-{record.VersionLabel}-{record.Id.ToString("N")[..8]}.pdf";
}
