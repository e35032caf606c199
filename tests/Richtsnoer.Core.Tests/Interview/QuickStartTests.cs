using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Quality;

namespace Richtsnoer.Core.Tests.Interview;

/// <summary>
/// The quick start asks five questions; the sector preset and the defaults must make every
/// sector's protocol complete and consistent from those alone.
/// </summary>
public class QuickStartTests
{
    private static ContentLibrary Library => TestData.Library;

    public static TheoryData<string, bool> SectorsWithAndWithoutWorksCouncil()
    {
        var data = new TheoryData<string, bool>();
        foreach (var option in Library.Interview.Find("sector")!.Options)
        {
            data.Add(option.Id, false);
            data.Add(option.Id, true);
        }

        return data;
    }

    private static AnswerSet QuickAnswers(string sector, bool worksCouncil) => AnswerSet.Empty
        .With("org_name", new TextAnswer("Voorbeeld B.V."))
        .With("sector", new ChoiceAnswer(sector))
        .With("works_council", new BoolAnswer(worksCouncil))
        .With("escalation_contact", new ContactAnswer(new Contact("het team HR", "hr@voorbeeld.nl", "020 123 45 67")))
        .With("effective_date", new DateAnswer(new DateOnly(2027, 1, 1)));

    [Fact]
    public void The_quick_start_asks_the_five_questions_without_a_default()
    {
        Assert.Equal(["org_name", "sector", "works_council", "escalation_contact", "effective_date"], Library.Interview.QuickStart);
        var requiredWithoutDefault = Library.Interview.Questions.Where(q => q.Required && q.When is null && q.Default is null).Select(q => q.Id);
        Assert.Subset(Library.Interview.QuickStart.ToHashSet(), requiredWithoutDefault.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(SectorsWithAndWithoutWorksCouncil))]
    public void Five_answers_and_the_sector_preset_give_a_complete_protocol_without_quality_errors(string sector, bool worksCouncil)
    {
        var answers = QuickAnswers(sector, worksCouncil);
        var problems = AnswersValidator.Validate(AnswerDefaults.Apply(answers, Library), Library);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.Format(Language.En))));

        var document = ProtocolAssembler.Assemble(Library, answers, new AssemblyOptions(Language.Nl, GeneratedOn: new DateOnly(2026, 12, 1)));
        Assert.NotEmpty(document.Sections);

        var report = QualityChecker.Run(Library, answers, QualityPatterns.Default);
        var errors = report.Findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(f => f.Id + ": " + f.Message.En)));
    }

    [Fact]
    public void A_preset_proposes_roles_but_does_not_tick_them()
    {
        var answers = QuickAnswers("zorg", worksCouncil: true);
        var roles = Library.Interview.Find("roles")!;
        Assert.Empty(AnswerDefaults.Apply(answers, Library).List("roles"));
        Assert.Equal(["communication", "recruitment"], AnswerDefaults.Suggested(roles, answers, Library));

        // An answer is an answer: the roles the user ticks are kept.
        var ticked = answers.With("roles", new ListAnswer(["marketing"]));
        Assert.Equal(["marketing"], AnswerDefaults.Apply(ticked, Library).List("roles"));
    }
}
