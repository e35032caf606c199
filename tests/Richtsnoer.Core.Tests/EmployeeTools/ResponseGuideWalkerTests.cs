using Richtsnoer.Core.Answers;
using Richtsnoer.Core.EmployeeTools;

namespace Richtsnoer.Core.Tests.EmployeeTools;

public class ResponseGuideWalkerTests
{
    private static readonly ResponseGuideWalker Walker = new(TestData.Library);

    [Fact]
    public void Every_situation_is_reachable_from_the_start()
    {
        var reached = new HashSet<string>();
        void Visit(string questionId, int depth)
        {
            Assert.True(depth < 20, "the guide has a loop");
            var q = TestData.Library.ResponseGuide.Questions[questionId];
            for (var a = 1; a <= q.Answers.Count; a++)
            {
                switch (Walker.Answer(questionId, a))
                {
                    case GuideStep.Done d:
                        reached.Add(d.Situation.Id);
                        break;
                    case GuideStep.Ask next:
                        Visit(next.Question.Id, depth + 1);
                        break;
                }
            }
        }

        Visit(Walker.Start.Id, 0);
        Assert.Equal(TestData.Library.ResponseGuide.Situations.Select(s => s.Id).Order(), reached.Order());
    }

    [Fact]
    public void Walking_a_path_ends_in_advice_with_the_escalation_contact()
    {
        // Find a path to a situation that escalates, whatever the guide's exact questions.
        var path = PathTo(s => s.Escalate);
        var situation = Walker.Walk(path);
        Assert.True(situation.Escalate);
        var effective = AnswerDefaults.Apply(TestData.Example("zorg"), TestData.Library);
        foreach (var language in new[] { Language.Nl, Language.En })
        {
            var advice = Walker.Advice(situation, effective, language);
            Assert.NotEmpty(advice.Steps);
            Assert.Contains("afdeling Communicatie", advice.EscalationContact);
            Assert.Contains("communicatie@lindehof-zorg.nl", advice.EscalationContact);
            Assert.DoesNotContain("{{", advice.Title + advice.Recognise + string.Concat(advice.Steps));
        }
    }

    [Fact]
    public void Advice_uses_the_organisations_short_name()
    {
        var effective = AnswerDefaults.Apply(TestData.Example("bakkerij"), TestData.Library);
        var all = TestData.Library.ResponseGuide.Situations.Select(s => Walker.Advice(s, effective, Language.Nl)).ToList();
        Assert.Contains(all, a => (a.Recognise + string.Concat(a.Steps)).Contains("De Gouden Korst"));
    }

    [Fact]
    public void Wrong_paths_give_clear_errors()
    {
        Assert.Throws<GuidePathException>(() => Walker.Walk([]));
        Assert.Throws<GuidePathException>(() => Walker.Walk([99]));
        Assert.Throws<GuidePathException>(() => Walker.Walk([0]));
        Assert.Throws<GuidePathException>(() => Walker.Answer("no-such-question", 1));
        Assert.Throws<GuidePathException>(() => Walker.Situation("no-such-situation"));
        var path = PathTo(_ => true);
        var tooLong = path.Append(1).ToList();
        var e = Assert.Throws<GuidePathException>(() => Walker.Walk(tooLong));
        Assert.NotEmpty(e.Text.Nl);
    }

    /// <summary>A path of answers (1-based) from the start to the first situation that matches.</summary>
    private static List<int> PathTo(Func<Core.Content.GuideSituation, bool> wanted)
    {
        List<int>? Search(string questionId, List<int> path)
        {
            var q = TestData.Library.ResponseGuide.Questions[questionId];
            for (var a = 1; a <= q.Answers.Count; a++)
            {
                var next = new List<int>(path) { a };
                switch (Walker.Answer(questionId, a))
                {
                    case GuideStep.Done d when wanted(d.Situation):
                        return next;
                    case GuideStep.Ask ask when next.Count < 10 && Search(ask.Question.Id, next) is { } found:
                        return found;
                }
            }

            return null;
        }

        return Search(Walker.Start.Id, []) ?? throw new InvalidOperationException("no such situation");
    }
}
