using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Organisations;

public sealed class NewModel(OrganisationStore organisations, ContentLibrary library, Microsoft.Extensions.Options.IOptions<UsageLimits> limits, ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    public bool First { get; private set; }

    public int StepCount => library.Interview.Steps.Count;

    public int MaxLength => library.Interview.Find("org_name")?.EffectiveMaxLength ?? 200;

    public async Task OnGetAsync() => First = (await organisations.ListForUserAsync(User.UserId())).Count == 0;

    public async Task<IActionResult> OnPostAsync()
    {
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

        if (Errors.Count > 0)
        {
            First = (await organisations.ListForUserAsync(User.UserId())).Count == 0;
            return Page();
        }

        // The name is also the first answer of the interview.
        var answers = AnswerSet.Empty.With("org_name", new TextAnswer(name));
        var org = await organisations.CreateAsync(name, User.UserId(), answers);
        logger.LogInformation("User {UserId} created organisation {OrganisationId}", User.UserId(), org.Id);
        return LocalRedirect($"/o/{org.Id}/interview/{library.Interview.Steps[0].Id}");
    }
}
