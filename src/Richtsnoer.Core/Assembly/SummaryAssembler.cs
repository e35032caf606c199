using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Assembly;

/// <summary>
/// The one-page staff summary ("in het kort"): the first ten rules that apply, each pointing to
/// the protocol clause it summarises, and whom to ask.
/// </summary>
public static class SummaryAssembler
{
    public const int MaxRules = 14;

    public static ProtocolDocument Assemble(ContentLibrary library, AnswerSet answers, ProtocolDocument protocol)
    {
        var language = protocol.Metadata.Language;
        var effective = AnswerDefaults.Apply(answers, library);
        var vars = new Variables(library, effective, language);
        var rules = library.SummaryRules.Where(r => r.When?.Holds(effective) ?? true).Take(MaxRules).ToList();
        var groups = new List<Clause>();
        foreach (var group in SummaryRule.Groups)
        {
            var items = new List<IReadOnlyList<Inline>>();
            foreach (var rule in rules.Where(r => r.Group == group))
            {
                var inlines = vars.Fill(BodyParser.ParseInline(rule.Text[language]), $"summary.yaml ({rule.Id})").ToList();

                // The clause the rule points to, as numbered in this protocol: the named clause, else
                // the first clause of the rule's topic.
                var clause = (rule.ClauseId is { } id ? protocol.AllClauses.FirstOrDefault(c => c.Id == id)?.Number : null)
                    ?? protocol.Coverage.Topics.FirstOrDefault(t => t.Topic.Key == rule.Topic)?.ClauseNumbers.FirstOrDefault();
                if (clause is not null)
                {
                    inlines.Add(new Inline($" ({Labels.See[language]} {clause})"));
                }

                items.Add(inlines);
            }

            if (items.Count > 0)
            {
                groups.Add(new Clause($"summary-{group}", 1, $"1.{Variables.Invariant(groups.Count + 1)}", Labels.SummaryGroups[group][language], [], [new BulletList(items)]));
            }
        }

        var doubt = effective.Contact("doubt_contact") ?? effective.Contact("escalation_contact");
        var escalation = effective.Contact("escalation_contact");
        var org = protocol.Metadata.OrganisationName;
        var orgShort = vars.Text(new Placeholder("org_short", null, false)) ?? org;
        var ask = new List<Block>();
        string? Contact(string id) => vars.Fill(BodyParser.ParseInline("{{" + id + "}}"), "summary").PlainText();
        if (doubt is not null && Contact("doubt_contact") is { } doubtText)
        {
            ask.Add(new Paragraph([new Inline(Labels.SummaryAskText[language] + " "), new Inline(doubtText, Strong: true), new Inline(".")]));
        }

        if (escalation is not null && Contact("escalation_contact") is { } escalationText)
        {
            ask.Add(new Paragraph([new Inline(string.Format(language.Culture(), Labels.SummaryEscalateText[language], orgShort) + " "), new Inline(escalationText, Strong: true), new Inline(".")]));
        }

        ask.Add(new Paragraph([new Inline(string.Format(language.Culture(), Labels.SummaryFullText[language], protocol.Metadata.Title, protocol.Metadata.Version))]));

        if (vars.Problems.Count > 0)
        {
            throw new AssemblyException(vars.Problems);
        }

        groups.Add(new Clause("summary-ask", 1, $"1.{Variables.Invariant(groups.Count + 1)}", Labels.SummaryAsk[language], [], ask));
        var section = new Section("summary", "1", Labels.SummaryTitle[language], false, groups);

        var metadata = protocol.Metadata with { Kind = DocumentKind.Summary, Title = Labels.SummaryTitle[language] };
        return new ProtocolDocument(metadata, [section], protocol.Coverage);
    }
}
