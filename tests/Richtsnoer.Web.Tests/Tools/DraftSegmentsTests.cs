using Richtsnoer.Core;
using Richtsnoer.Core.PostCheck;
using Richtsnoer.Web.Features.Tools;

namespace Richtsnoer.Web.Tests.Tools;

/// <summary>The sweep that cuts the draft into highlighted pieces gives what the obvious quadratic version gives.</summary>
public sealed class DraftSegmentsTests
{
    private static Finding F(int start, int length, CheckCategory category) =>
        new(category, "k", start, length, "m", null, null, "ask");

    private static List<(int Start, string Text, string Findings, Verdict Verdict)> Naive(string text, IReadOnlyList<Finding> findings)
    {
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var f in findings)
        {
            cuts.Add(f.Start);
            cuts.Add(f.Start + f.Length);
        }

        var list = cuts.ToList();
        var result = new List<(int, string, string, Verdict)>();
        for (var k = 0; k + 1 < list.Count; k++)
        {
            var (a, b) = (list[k], list[k + 1]);
            var covering = Enumerable.Range(0, findings.Count).Where(i => findings[i].Start <= a && findings[i].Start + findings[i].Length >= b).ToList();
            var verdict = covering.Count == 0 ? Verdict.Green : covering.Max(i => findings[i].Verdict);
            result.Add((a, text[a..b], string.Join(",", covering), verdict));
        }

        return result;
    }

    [Fact]
    public void Random_overlapping_findings_give_the_same_pieces_as_the_quadratic_version()
    {
        var random = new Random(20261201);
        var categories = Enum.GetValues<CheckCategory>();
        for (var round = 0; round < 300; round++)
        {
            var text = new string('x', random.Next(0, 120));
            var findings = new List<Finding>();
            for (var i = random.Next(0, 15); i > 0 && text.Length > 0; i--)
            {
                var start = random.Next(0, text.Length);
                findings.Add(F(start, random.Next(0, text.Length - start + 1), categories[random.Next(categories.Length)]));
            }

            var fast = PostCheckModel.Split(text, findings).Select(s => (s.Start, s.Text, string.Join(",", s.Findings), s.Verdict)).ToList();
            Assert.Equal(Naive(text, findings), fast);
            Assert.Equal(text, string.Concat(fast.Select(s => s.Text)));
        }
    }
}
