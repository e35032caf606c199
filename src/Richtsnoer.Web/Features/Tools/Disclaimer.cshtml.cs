using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core.EmployeeTools;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Tools;

/// <summary>The disclaimer for a personal blog and a short bio line, from the employee's name and a year.</summary>
public sealed class DisclaimerModel(EmployeeTools tools, TimeProvider clock) : OrganisationPageModel
{
    protected override bool AdmitsStaff => true;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    public DisclaimerOutcome? Outcome { get; private set; }

    public void OnGet() => Year = clock.GetLocalNow().Year;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await tools.ForAsync(OrgId, HttpContext.Lang()) is not { } context)
        {
            return NotFound();
        }

        Outcome = DisclaimerGenerator.ForOrganisation(tools.Library, context.Effective, HttpContext.Lang(), Name, Year ?? clock.GetLocalNow().Year);
        return Page();
    }
}
