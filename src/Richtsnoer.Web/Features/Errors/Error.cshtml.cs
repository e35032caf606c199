using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Richtsnoer.Web.Features.Errors;

/// <summary>A friendly page for every error status; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Status { get; private set; }

    public string RequestId { get; private set; } = string.Empty;

    // The code comes from the route only: a re-executed POST may carry a form that cannot be read.
    public void OnGet([FromRoute] int? code) => Handle(code);

    public void OnPost([FromRoute] int? code) => Handle(code);

    private void Handle(int? code)
    {
        Status = code ?? StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failure)
        {
            logger.LogError(failure.Error, "Unhandled error on {Path} (request {RequestId})", failure.Path, RequestId);
        }

        // Also when the page is asked for directly: /error/500 answers 500, not 200.
        Response.StatusCode = Status is >= 400 and <= 599 ? Status : StatusCodes.Status404NotFound;
    }
}
