using System.Net;
using Richtsnoer.Core;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// An error answer written by middleware that runs before Razor Pages (rate limits, oversized
/// requests): a small page in the site's style for a browser, ProblemDetails JSON for the API.
/// </summary>
public static class PlainErrorPage
{
    public static async Task WriteAsync(HttpContext context, int status, LocalText title, LocalText text, CancellationToken ct = default)
    {
        var lang = context.Lang();
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.Response.WriteAsJsonAsync(
                new { type = $"https://httpstatuses.io/{status}", title = title[lang], status, detail = text[lang] },
                (System.Text.Json.JsonSerializerOptions?)null,
                "application/problem+json",
                ct);
            return;
        }

        var nl = lang == Core.Language.Nl;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{(nl ? "nl-NL" : "en-GB")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title[lang])} – Richtsnoer</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main id="main" class="narrow"><h1>{WebUtility.HtmlEncode(title[lang])}</h1><p class="lead">{WebUtility.HtmlEncode(text[lang])}</p>
            <p><a class="button primary" href="/">{(nl ? "Naar de beginpagina" : "To the start page")}</a></p></main></body></html>
            """,
            ct);
    }
}
