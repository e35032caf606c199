using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Account;

/// <summary>Switches the interface between Dutch and English and returns to the page the user was on.</summary>
public sealed class LanguageModel(UserStore users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? lang, string? returnUrl)
    {
        var language = LanguageExtensions.TryParse(lang, out var l) ? l : Language.Nl;
        HttpContext.SetLang(language);
        if (User.Identity?.IsAuthenticated == true)
        {
            await users.SetLanguageAsync(User.UserId(), language.Code());
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
