using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Web.Features.Protocol;

/// <summary>The result of assembling for the screen: a document, or the reasons there is none.</summary>
public sealed record Assembled(ProtocolDocument? Document, IReadOnlyList<LocalText> Problems)
{
    /// <summary>The code of each problem, in the same order (for example <c>missing-translation</c>).</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];
}

/// <summary>
/// Turns stored answers into documents through Core's assembler: a preview while answers are
/// still missing, and the final protocol for downloads.
/// </summary>
public sealed class ProtocolBuilder(ContentLibrary library, TimeProvider clock)
{
    public static readonly LocalText Missing = new("[nog in te vullen]", "[to be filled in]");

    public ContentLibrary Library => library;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The languages the organisation wants its protocol in (Dutch when none is chosen).</summary>
    public IReadOnlyList<Language> Languages(AnswerSet answers)
    {
        var chosen = AnswerDefaults.Apply(answers, library).List("languages");
        var list = chosen.Select(c => LanguageExtensions.TryParse(c, out var l) ? l : (Language?)null).OfType<Language>().Distinct().ToList();
        return list.Count == 0 ? [Language.Nl] : list;
    }

    /// <summary>Required answers that are missing or wrong, for the whole interview or one step.</summary>
    public IReadOnlyList<AnswerError> Problems(AnswerSet answers, string? stepId = null) =>
        AnswersValidator.Validate(AnswerDefaults.Apply(answers, library), library, stepId);

    /// <summary>
    /// A preview: a required answer that is still missing shows as "[nog in te vullen]", and the
    /// coverage is reported instead of enforced.
    /// </summary>
    public Assembled Preview(AnswerSet answers, Language language)
    {
        var filled = WithPlaceholders(answers, language);
        try
        {
            var document = ProtocolAssembler.Assemble(library, filled, new AssemblyOptions(language, GeneratedOn: Today, RequireFullCoverage: false));
            return new Assembled(document, []);
        }
        catch (AssemblyException e)
        {
            return new Assembled(null, e.Problems.Select(p => p.Message).ToList());
        }
    }

    /// <summary>The protocol as it is downloaded: every required answer given, every topic covered.</summary>
    public Assembled Final(AnswerSet answers, Language language, string version = "1.0")
    {
        // For the English document also every answer still without its English text, by name,
        // rather than only the assembler's refusal to mix languages (decision 020).
        var problems = Problems(answers)
            .Concat(language == Language.En ? AnswersValidator.Languages(AnswerDefaults.Apply(answers, library), library) : [])
            .ToList();
        if (problems.Count > 0)
        {
            return new Assembled(null, problems.Select(p => new LocalText($"{p.Field}: {p.Message.Nl}", $"{p.Field}: {p.Message.En}")).ToList())
            {
                Codes = problems.Select(p => p.Code).ToList(),
            };
        }

        try
        {
            return new Assembled(ProtocolAssembler.Assemble(library, answers, new AssemblyOptions(language, version, GeneratedOn: Today)), []);
        }
        catch (AssemblyException e)
        {
            return new Assembled(null, e.Problems.Select(p => p.Message).ToList()) { Codes = e.Problems.Select(p => p.Code).ToList() };
        }
    }

    public ProtocolDocument Summary(AnswerSet answers, ProtocolDocument protocol) => SummaryAssembler.Assemble(library, answers, protocol);

    private AnswerSet WithPlaceholders(AnswerSet answers, Language language)
    {
        var effective = AnswerDefaults.Apply(answers, library);
        var result = answers;
        foreach (var q in library.Interview.Questions)
        {
            if (!q.Required || effective.Has(q.Id) || !(q.When?.Holds(effective) ?? true))
            {
                continue;
            }

            AnswerValue? stand = q.Type switch
            {
                QuestionType.Text or QuestionType.Email => new TextAnswer(Missing[language]),
                QuestionType.Contact => new ContactAnswer(new Contact(Missing[language], null, null)),
                QuestionType.Date => new DateAnswer(Today),
                QuestionType.YesNo => new BoolAnswer(false),
                QuestionType.Number => new NumberAnswer(q.Min ?? 1),
                QuestionType.Choice when q.Options.Count > 0 => new ChoiceAnswer(q.Options[0].Id),
                _ => null,
            };
            result = result.With(q.Id, stand);
        }

        return result;
    }
}
