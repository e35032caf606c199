using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.EmployeeTools;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Tools;

/// <summary>
/// The response guide as plain links: <c>?path=2,1</c> is the answers so far. Each page shows
/// the next question, or the advice with the organisation's escalation contact.
/// </summary>
public sealed class ResponseGuideModel(EmployeeTools tools) : OrganisationPageModel
{
    protected override bool AdmitsStaff => true;

    public IReadOnlyList<int> Path { get; private set; } = [];

    public GuideQuestion? Question { get; private set; }

    public GuideAdvice? Advice { get; private set; }

    /// <summary>The escalation contact of the advice, for its mailto: and tel: links.</summary>
    public Core.Answers.Contact? Escalation { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? path)
    {
        var walker = new ResponseGuideWalker(tools.Library);
        var steps = new List<int>();
        foreach (var part in (path ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, out var n) || steps.Count > 20)
            {
                return NotFound();
            }

            steps.Add(n);
        }

        Path = steps;
        try
        {
            var question = walker.Start;
            for (var i = 0; i < steps.Count; i++)
            {
                switch (walker.Answer(question.Id, steps[i]))
                {
                    case GuideStep.Ask ask:
                        question = ask.Question;
                        break;
                    case GuideStep.Done when i < steps.Count - 1:
                        return NotFound();
                    case GuideStep.Done done:
                        if (await tools.ForAsync(OrgId, HttpContext.Lang()) is not { } context)
                        {
                            return NotFound();
                        }

                        Advice = walker.Advice(done.Situation, context.Effective, HttpContext.Lang());
                        Escalation = context.Effective.Contact("escalation_contact");
                        return Page();
                }
            }

            Question = question;
            return Page();
        }
        catch (GuidePathException)
        {
            return NotFound();
        }
    }

    public string Link(int answer) => $"/o/{OrgId}/tools/response-guide?path={string.Join(',', Path.Append(answer))}";
}
