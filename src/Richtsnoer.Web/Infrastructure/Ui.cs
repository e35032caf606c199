using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Richtsnoer.Core;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>The interface language: Dutch unless the user switched to English (a cookie).</summary>
public static class Ui
{
    public const string LanguageCookie = "richtsnoer.lang";

    public static Language Lang(this HttpContext context) =>
        context.Request.Cookies.TryGetValue(LanguageCookie, out var v) && v == "en" ? Language.En : Language.Nl;

    public static void SetLang(this HttpContext context, Language language) =>
        context.Response.Cookies.Append(LanguageCookie, language.Code(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
            Secure = context.Request.IsHttps,
        });

    public static string T(this HttpContext context, string nl, string en) => context.Lang() == Language.Nl ? nl : en;

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static string? Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email);
}

/// <summary>Base of every Razor page: <c>T("Nederlands", "English")</c> picks the interface language.</summary>
public abstract class AppPage : Page
{
    public Language Lang => HttpContext.Lang();

    public string T(string nl, string en) => Lang == Language.Nl ? nl : en;

    public string T(LocalText text) => text[Lang];
}

/// <summary>Base of the layout and the partials (Features/Shared), with the same <c>T</c>.</summary>
public abstract class AppView<TModel> : RazorPage<TModel>
{
    public Language Lang => Context.Lang();

    public string T(string nl, string en) => Lang == Language.Nl ? nl : en;

    public string T(LocalText text) => text[Lang];
}
