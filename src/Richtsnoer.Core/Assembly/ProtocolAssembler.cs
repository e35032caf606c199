using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Assembly;

/// <summary>
/// answers + clause library -> document. Pure: no I/O, no clock (the date comes in through the
/// options), no format knowledge.
/// </summary>
public static class ProtocolAssembler
{
    public static ProtocolDocument Assemble(ContentLibrary library, AnswerSet answers, AssemblyOptions options)
    {
        var effective = AnswerDefaults.Apply(answers, library);
        var language = options.Language;
        var vars = new Variables(library, effective, language);
        var selectionProblems = new List<AssemblyProblem>();
        var selected = SelectClauses(library, effective, selectionProblems);
        var custom = effective.Customisations;

        // The numbers first, so that a cross-reference ({{clause:id}}, {{section:id}}) is filled in
        // from the document as it is assembled, never typed in content.
        var plan = new List<(SectionDefinition Def, string Number, List<ClauseTemplate> Templates, List<CustomClause> Owns)>();
        var mainNumber = 0;
        var appendixNumber = 0;
        foreach (var def in library.Sections)
        {
            var templates = selected.Where(c => c.SectionId == def.Id).OrderBy(c => c.Order).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
            var owns = custom.Custom.Where(c => c.SectionId == def.Id).ToList();
            if (templates.Count == 0 && owns.Count == 0)
            {
                continue;
            }

            var number = def.Appendix ? ((char)('A' + appendixNumber++)).ToString() : Variables.Invariant(++mainNumber);
            plan.Add((def, number, templates, owns));
            vars.SectionLabels[def.Id] = (def.Appendix ? Labels.AppendixWord : Labels.ChapterWord)[language] + " " + number;
            var n = 0;
            foreach (var t in templates)
            {
                vars.ClauseNumbers[t.Id] = $"{number}.{Variables.Invariant(n + 1)}";
                n += t.Generator == ClauseGenerator.ResponseGuide ? library.ResponseGuide.Situations.Count : 1;
            }
        }

        var sections = new List<Section>();
        foreach (var (def, number, templates, owns) in plan)
        {
            var clauses = new List<Clause>();
            string Next() => $"{number}.{Variables.Invariant(clauses.Count + 1)}";

            foreach (var t in templates)
            {
                switch (t.Generator)
                {
                    case ClauseGenerator.ResponseGuide:
                        foreach (var s in library.ResponseGuide.Situations)
                        {
                            clauses.Add(GuideClause(t, s, Next(), vars, language));
                        }

                        break;
                    case ClauseGenerator.Disclaimer:
                        clauses.Add(DisclaimerClause(library, t, def, Next(), vars, effective, language));
                        break;
                    default:
                        clauses.Add(LibraryClause(t, Next(), vars, custom, language));
                        break;
                }
            }

            foreach (var own in owns)
            {
                if (own.For(language) is not { } text)
                {
                    vars.Problems.Add(Translations.Problem(own.Nl ?? own.En, Next(), own: true, language));
                    text = own.Nl ?? own.En ?? new ClauseText(string.Empty, string.Empty);
                }

                clauses.Add(new Clause(own.Id, 1, Next(), text.Title.Trim(), own.Topics, UserBlocks(text.Body), ClauseOrigin.Custom));
            }

            sections.Add(new Section(def.Id, number, def.Title[language], def.Appendix, clauses));
        }

        var coverage = Coverage(library, sections);
        var problems = selectionProblems.Concat(vars.Problems).ToList();
        if (options.RequireFullCoverage)
        {
            problems.AddRange(coverage.Uncovered.Select(t => new AssemblyProblem(
                "uncovered-topic",
                new($"onderwerp {t.Number} ({t.Name.Nl}) wordt door geen enkele bepaling gedekt", $"topic {t.Number} ({t.Name.En}) is not covered by any clause"))));
        }

        if (problems.Count > 0)
        {
            throw new AssemblyException(problems);
        }

        var org = effective.Text("org_name") ?? string.Empty;

        // While the works council has still to consent, the date is not yet a fact: the header
        // leaves it out and the adoption clause says it depends on the consent.
        var consentPending = effective.Bool("works_council") == true && !effective.Has("consent_date");
        var metadata = new DocumentMetadata(
            DocumentKind.Protocol,
            Labels.ProtocolTitle[language],
            org,
            language,
            options.Version,
            consentPending ? null : effective.Date("effective_date"),
            options.GeneratedOn ?? effective.Date("effective_date") ?? new DateOnly(2000, 1, 1),
            Labels.Subject[language],
            ["social media", "protocol", org]);
        return new ProtocolDocument(metadata, sections, coverage);
    }

    /// <summary>The library clauses whose conditions hold, with one clause per alternative group.</summary>
    public static IReadOnlyList<ClauseTemplate> SelectClauses(ContentLibrary library, AnswerSet effective) => SelectClauses(library, effective, []);

    /// <summary>
    /// As <see cref="SelectClauses(ContentLibrary, AnswerSet)"/>; a chosen alternative that
    /// contradicts the answers is not used, and reported in <paramref name="problems"/>.
    /// </summary>
    internal static IReadOnlyList<ClauseTemplate> SelectClauses(ContentLibrary library, AnswerSet effective, List<AssemblyProblem> problems)
    {
        var chosen = effective.Customisations.Alternatives;
        var result = new List<ClauseTemplate>();
        var groupsDone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in library.Clauses)
        {
            if (c.Alternative is null)
            {
                if (c.When?.Holds(effective) ?? true)
                {
                    result.Add(c);
                }

                continue;
            }

            if (!groupsDone.Add(c.Alternative))
            {
                continue;
            }

            var members = library.Clauses.Where(m => m.Alternative == c.Alternative).OrderBy(m => m.Order).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
            var pick = chosen.TryGetValue(c.Alternative, out var id) ? members.FirstOrDefault(m => m.Id == id) : null;
            if (pick is not null && Variants.Contradiction(library, effective, c.Alternative, pick.Id) is { } why)
            {
                problems.Add(new AssemblyProblem("alternative-contradicts", new($"alternatives.{c.Alternative}: {why.Nl}", $"alternatives.{c.Alternative}: {why.En}")));
                pick = null;
            }

            pick ??= members.FirstOrDefault(m => m.When?.Holds(effective) ?? true);
            if (pick is not null)
            {
                result.Add(pick);
            }
        }

        return result;
    }

    private static Clause LibraryClause(ClauseTemplate t, string number, Variables vars, Customisations custom, Language language)
    {
        if (custom.Adapted.FirstOrDefault(a => a.ClauseId == t.Id) is { } adaptation)
        {
            if (adaptation.For(language) is { } adapted)
            {
                return new Clause(t.Id, t.Version, number, adapted.Title.Trim(), t.Topics, UserBlocks(adapted.Body), ClauseOrigin.Adapted);
            }

            // Adapted in another language only: the library text here would silently drop the adaptation.
            vars.Problems.Add(Translations.Problem(adaptation.Nl ?? adaptation.En, number, own: false, language));
        }

        var body = t.For(language)!;
        var where = $"{(language == Language.Nl ? "bepaling" : "clause")} {t.Id}";
        return new Clause(t.Id, t.Version, number, body.Title, t.Topics, vars.Blocks(body.Blocks, where));
    }

    /// <summary>Text the organisation typed: structured like content, but never interpreted further.</summary>
    public static IReadOnlyList<Block> UserBlocks(string body)
    {
        return new Variables(null, AnswerSet.Empty, Language.Nl).Blocks(BodyParser.ParseLiteral(body), "");
    }

    private static Clause GuideClause(ClauseTemplate t, GuideSituation s, string number, Variables vars, Language language)
    {
        var text = s.For(language);
        var where = $"response-guide.yaml ({s.Id})";
        var blocks = new List<Block> { new Paragraph(vars.Fill(BodyParser.ParseInline(text.Recognise), where)) };
        blocks.Add(new NumberedList(text.Steps.Select(step => vars.Fill(BodyParser.ParseInline(step), where)).ToList()));
        return new Clause($"{t.Id}.{s.Id}", t.Version, number, vars.FillString(text.Title, where), t.Topics, blocks);
    }

    private static Clause DisclaimerClause(ContentLibrary library, ClauseTemplate t, SectionDefinition def, string number, Variables vars, AnswerSet effective, Language language)
    {
        var body = t.For(language);
        var blocks = new List<Block>();
        if (body is not null)
        {
            blocks.AddRange(vars.Blocks(body.Blocks, $"clause {t.Id}"));
        }

        var texts = DisclaimerText.Fill(library.Disclaimer, language, name: null, year: null, organisation: effective.Text("org_name") ?? "");
        blocks.Add(new Example([new Inline(texts.Disclaimer)]));
        blocks.Add(new Example([new Inline(texts.Bio)]));
        return new Clause(t.Id, t.Version, number, body?.Title ?? def.Title[language], t.Topics, blocks);
    }

    private static CoverageReport Coverage(ContentLibrary library, IReadOnlyList<Section> sections)
    {
        var clauses = sections.SelectMany(s => s.Clauses).ToList();
        return new CoverageReport(library.Topics.OrderBy(t => t.Number)
            .Select(t => new TopicCoverage(t, clauses.Where(c => c.Topics.Contains(t.Key)).Select(c => c.Number).ToList()))
            .ToList());
    }
}
