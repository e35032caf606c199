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
    public const int MaxRules = 10;

    public static ProtocolDocument Assemble(ContentLibrary library, AnswerSet answers, ProtocolDocument protocol)
    {
        var language = protocol.Metadata.Language;
        var effective = AnswerDefaults.Apply(answers, library);
        var vars = new Variables(library, effective, language);
        var rules = library.SummaryRules.Where(r => r.When?.Holds(effective) ?? true).Take(MaxRules).ToList();
        var items = new List<IReadOnlyList<Inline>>();
        foreach (var rule in rules)
        {
            var inlines = vars.Fill(BodyParser.ParseInline(rule.Text[language]), $"summary.yaml ({rule.Id})").ToList();
            var clause = protocol.Coverage.Topics.FirstOrDefault(t => t.Topic.Key == rule.Topic)?.ClauseNumbers.FirstOrDefault();
            if (clause is not null)
            {
                inlines.Add(new Inline($" ({Labels.See[language]} {clause})"));
            }

            items.Add(inlines);
        }

        if (vars.Problems.Count > 0)
        {
            throw new AssemblyException(vars.Problems);
        }

        var doubt = effective.Contact("doubt_contact") ?? effective.Contact("escalation_contact");
        var escalation = effective.Contact("escalation_contact");
        var org = protocol.Metadata.OrganisationName;
        var orgShort = vars.Text(new Placeholder("org_short", null, false)) ?? org;
        var ask = new List<Block>();
        if (doubt is not null)
        {
            ask.Add(new Paragraph([new Inline(Labels.SummaryAskText[language] + " "), new Inline(vars.FormatContact(doubt), Strong: true), new Inline(".")]));
        }

        if (escalation is not null)
        {
            ask.Add(new Paragraph([new Inline(string.Format(language.Culture(), Labels.SummaryEscalateText[language], orgShort) + " "), new Inline(vars.FormatContact(escalation), Strong: true), new Inline(".")]));
        }

        ask.Add(new Paragraph([new Inline(string.Format(language.Culture(), Labels.SummaryFullText[language], protocol.Metadata.Title, protocol.Metadata.Version))]));

        var section = new Section("summary", "1", Labels.SummaryTitle[language], false,
        [
            new Clause("summary-rules", 1, "1.1", Labels.SummaryRules[language], [], [new NumberedList(items)]),
            new Clause("summary-ask", 1, "1.2", Labels.SummaryAsk[language], [], ask),
        ]);

        var metadata = protocol.Metadata with { Kind = DocumentKind.Summary, Title = Labels.SummaryTitle[language] };
        return new ProtocolDocument(metadata, [section], protocol.Coverage);
    }
}
