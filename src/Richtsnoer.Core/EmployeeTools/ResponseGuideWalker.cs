using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Core.EmployeeTools;

/// <summary>One step of the response guide: a question to answer, or the situation it ends in.</summary>
public abstract record GuideStep
{
    private GuideStep()
    {
    }

    public sealed record Ask(GuideQuestion Question) : GuideStep;

    public sealed record Done(GuideSituation Situation) : GuideStep;
}

/// <summary>The concrete advice at the end of the guide, in one language, with the organisation's contact filled in.</summary>
public sealed record GuideAdvice(
    string SituationId,
    string Title,
    string Recognise,
    IReadOnlyList<string> Steps,
    bool Escalate,
    string EscalationContact);

/// <summary>The guide's answer to a wrong step: a question that does not exist, or an answer out of range.</summary>
public sealed class GuidePathException(LocalText message) : Exception(message.En)
{
    public LocalText Text { get; } = message;
}

/// <summary>
/// Walks the response guide (content/response-guide.yaml, the same source as the protocol's
/// appendix): from the start question, each answer leads to a next question or to a situation;
/// the situation gives concrete advice with the organisation's escalation contact filled in.
/// </summary>
public sealed class ResponseGuideWalker(ContentLibrary library)
{
    private readonly ResponseGuide guide = library.ResponseGuide;

    public GuideQuestion Start => guide.Questions[guide.Start];

    /// <summary>The step after choosing answer <paramref name="answer"/> (1-based) of question <paramref name="questionId"/>.</summary>
    public GuideStep Answer(string questionId, int answer)
    {
        if (!guide.Questions.TryGetValue(questionId, out var question))
        {
            throw new GuidePathException(new($"De vraag '{questionId}' bestaat niet.", $"There is no question '{questionId}'."));
        }

        if (answer < 1 || answer > question.Answers.Count)
        {
            throw new GuidePathException(new(
                $"Kies bij '{question.Text.Nl}' een antwoord van 1 tot en met {question.Answers.Count}.",
                $"For '{question.Text.En}' choose an answer from 1 to {question.Answers.Count}."));
        }

        var chosen = question.Answers[answer - 1];
        if (chosen.Situation is { } id && guide.Situation(id) is { } situation)
        {
            return new GuideStep.Done(situation);
        }

        return new GuideStep.Ask(guide.Questions[chosen.Next!]);
    }

    /// <summary>Follows a whole path of answers (1-based) from the start; the path must end in a situation.</summary>
    public GuideSituation Walk(IReadOnlyList<int> answers)
    {
        var question = Start;
        for (var i = 0; i < answers.Count; i++)
        {
            switch (Answer(question.Id, answers[i]))
            {
                case GuideStep.Done done when i == answers.Count - 1:
                    return done.Situation;
                case GuideStep.Done:
                    throw new GuidePathException(new(
                        $"Na {i + 1} antwoord(en) is de wegwijzer al klaar; de rest van het pad is te veel.",
                        $"The guide ends after {i + 1} answer(s); the rest of the path is too much."));
                case GuideStep.Ask ask:
                    question = ask.Question;
                    break;
            }
        }

        throw new GuidePathException(new(
            $"Het pad stopt bij een vraag: {question.Text.Nl}",
            $"The path stops at a question: {question.Text.En}"));
    }

    public GuideSituation Situation(string id) =>
        guide.Situation(id) ?? throw new GuidePathException(new(
            $"De situatie '{id}' bestaat niet; kies uit {string.Join(", ", guide.Situations.Select(s => s.Id))}.",
            $"There is no situation '{id}'; choose from {string.Join(", ", guide.Situations.Select(s => s.Id))}."));

    /// <summary>The advice of a situation for the organisation, placeholders filled from its effective answers.</summary>
    public GuideAdvice Advice(GuideSituation situation, AnswerSet effectiveAnswers, Language language)
    {
        var vars = new Variables(library, effectiveAnswers, language);
        var where = $"response-guide.yaml ({situation.Id})";
        var text = situation.For(language);
        var contact = effectiveAnswers.Contact("escalation_contact") is { } c ? vars.FormatContact(c) : "";
        return new GuideAdvice(
            situation.Id,
            vars.FillString(text.Title, where),
            vars.FillString(text.Recognise, where),
            text.Steps.Select(s => vars.FillString(s, where)).ToList(),
            situation.Escalate,
            contact);
    }
}
