using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core.Content;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Organisations;

public sealed class IndexModel(OrganisationStore organisations, ContentLibrary library) : PageModel
{
    public IReadOnlyList<OrganisationSummary> Items { get; private set; } = [];

    public ContentLibrary Library => library;

    public async Task<IActionResult> OnGetAsync()
    {
        Items = await organisations.ListForUserAsync(User.UserId());
        return Items.Count == 0 ? LocalRedirect(Request.Query["deleted"] == "1" ? "/organisations/new?deleted=1" : "/organisations/new") : Page();
    }

    /// <summary>1-based number of the step the user saved last, or 1.</summary>
    public int StepNumber(OrganisationSummary o)
    {
        var index = library.Interview.Steps.ToList().FindIndex(s => s.Id == o.CurrentStep);
        return index < 0 ? 1 : index + 1;
    }
}
