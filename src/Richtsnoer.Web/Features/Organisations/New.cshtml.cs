using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Web.Features.Interview;
using Richtsnoer.Web.Features.Protocol;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Organisations;

/// <summary>
/// Creating an organisation is the quick start: the name and the other questions of
/// <c>quick_start</c> on one screen give a complete protocol from the sector preset and the
/// defaults. "All questions step by step" needs only the name and opens the full interview.
/// </summary>
public sealed class NewModel(OrganisationStore organisations, ProtocolStore protocols, ProtocolBuilder builder, ContentLibrary library, Microsoft.Extensions.Options.IOptions<UsageLimits> limits, ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    /// <summary>The quick-start questions after the name, as the interview shows them.</summary>
    public IReadOnlyList<FieldView> Fields { get; private set; } = [];

    public bool First { get; private set; }

    public int ScreenCount => library.Interview.ScreenCount;

    /// <summary>How many questions the quick start asks, the name included.</summary>
    public int QuestionCount => library.Interview.QuickStart.Count;

    public int MaxLength => library.Interview.Find("org_name")?.EffectiveMaxLength ?? 200;

    /// <summary>The quick-start questions other than the name (which keeps its own field, <see cref="Name"/>).</summary>
    private Step QuickStep => new("quick-start", new("Snel beginnen", "Quick start"),
        library.Interview.QuickStart.Where(id => id != "org_name").Select(id => library.Interview.Find(id)).OfType<Question>().ToList());

    public async Task OnGetAsync()
    {
        First = (await organisations.ListForUserAsync(User.UserId())).Count == 0;
        Fields = InterviewForm.Fields(QuickStep, AnswerSet.Empty, library);
    }

    public async Task<IActionResult> OnPostAsync(string? start)
    {
        var quick = start == "quick";
        var name = FormText.Lines(Name).Trim();
        var question = library.Interview.Find("org_name");
        if (name.Length == 0)
        {
            Errors["Name"] = new("Vul de naam van de organisatie in.", "Enter the name of the organisation.");
        }
        else if (question is not null && AnswerConverter.Convert(question, new RawValue.Scalar(name)).Problem is { } problem)
        {
            Errors["Name"] = new("De naam " + problem.Message.Nl + ".", "The name " + problem.Message.En + ".");
        }

        var owned = (await organisations.ListForUserAsync(User.UserId())).Count(o => o.Role == Role.Owner);
        if (owned >= limits.Value.OrganisationsPerAccount)
        {
            Errors["Name"] = new(
                $"U bent al eigenaar van {owned} organisaties, het maximum op deze server. Verwijder er eerst een of vraag de beheerder om meer ruimte.",
                $"You already own {owned} organisations, the maximum on this server. Delete one first or ask the administrator for more room.");
        }

        // The name is also the first answer of the interview; the quick start adds its other answers.
        var step = QuickStep;
        var posted = InterviewForm.Read(step, Request.Form);
        var answers = posted.ApplyTo(AnswerSet.Empty.With("org_name", name.Length == 0 ? null : new TextAnswer(name)));
        // What the answers still lack: on this screen the quick-start questions, elsewhere a step of the interview.
        var missing = quick ? builder.Problems(answers) : [];
        var required = missing.Where(e => step.Questions.Any(q => q.Id == e.Field) && !posted.Problems.ContainsKey(e.Field)).ToList();
        var quickProblems = quick && (posted.Problems.Count > 0 || required.Count > 0);
        if (Errors.Count > 0 || quickProblems)
        {
            First = (await organisations.ListForUserAsync(User.UserId())).Count == 0;
            Fields = InterviewForm.Fields(step, answers, library, posted, required);
            return Page();
        }

        var org = await organisations.CreateAsync(name, User.UserId(), quick ? answers : AnswerSet.Empty.With("org_name", new TextAnswer(name)));
        logger.LogInformation("User {UserId} created organisation {OrganisationId} ({Start})", User.UserId(), org.Id, quick ? "quick start" : "full interview");
        if (!quick)
        {
            return LocalRedirect($"/o/{org.Id}/interview/{library.Interview.Steps[0].Id}");
        }

        // Sector preset and defaults complete the protocol; should anything still be missing,
        // the interview opens at the step that asks it.
        if (missing.Count > 0)
        {
            var at = library.Interview.Find(missing[0].Field)?.StepId ?? library.Interview.Steps[0].Id;
            return LocalRedirect($"/o/{org.Id}/interview/{at}");
        }

        await protocols.UpdateAsync(org.Id, User.UserId(), d =>
        {
            d.RecordAnswers(library.Interview.Steps[0].Id, answers);
            d.Generate([]);
        });
        logger.LogInformation("Organisation {OrganisationId} completed the quick start", org.Id);
        return LocalRedirect($"/o/{org.Id}/protocol");
    }
}
