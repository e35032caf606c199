using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Tools;

/// <summary>The tools for the organisation's staff: post check, blog disclaimer, response guide.</summary>
public sealed class IndexModel : OrganisationPageModel
{
    protected override bool AdmitsStaff => true;

    public void OnGet()
    {
    }
}
