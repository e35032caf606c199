using System.Text;
using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Protocol;

/// <summary>The current protocol or its staff summary in any registered format (pdf, docx, html, md).</summary>
public sealed class DownloadModel(Storage.Protocols.ProtocolStore protocols, ProtocolBuilder builder, ILogger<DownloadModel> logger) : OrganisationPageModel
{
    public async Task<IActionResult> OnGetAsync(string format, string? lang, string? summary)
    {
        var isSummary = summary is "1" or "true";
        if (Renderers.For(format) is not { } renderer || await protocols.GetAsync(OrgId) is not { } draft)
        {
            return NotFound();
        }

        var languages = builder.Languages(draft.Answers);
        var language = LanguageExtensions.TryParse(lang, out var l) && languages.Contains(l) ? l : languages[0];
        var final = builder.Final(draft.Answers, language);
        if (final.Document is not { } document)
        {
            // The protocol page in that language says why: an answer missing, or a text still to translate.
            return LocalRedirect($"/o/{OrgId}/protocol" + (language == languages[0] ? "" : $"?lang={language.Code()}"));
        }

        if (isSummary)
        {
            document = builder.Summary(draft.Answers, document);
        }

        var stream = await DocumentBuffers.RenderAsync(renderer, document, HttpContext.RequestAborted);
        logger.LogInformation("Organisation {OrganisationId} downloaded {Kind} as {Format} ({Language}, {Bytes} bytes)",
            OrgId, isSummary ? "summary" : "protocol", renderer.Format, language.Code(), stream.Length);
        // A protocol draft is not for shared caches or the browser's disk cache.
        Response.Headers.CacheControl = "no-store";
        return File(stream, renderer.MediaType, FileName(document, renderer.Extension));
    }

    /// <summary>"richtlijnen-social-media-bakkerij-de-gouden-korst.pdf": plain ASCII, safe on every system.</summary>
    public static string FileName(ProtocolDocument document, string extension)
    {
        var sb = new StringBuilder();
        foreach (var c in $"{document.Metadata.Title} {document.Metadata.OrganisationName}".Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '&') && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var name = sb.ToString().Trim('-');
        if (name.Length > 80)
        {
            name = name[..80].TrimEnd('-');
        }

        return (name.Length == 0 ? "protocol" : name) + extension;
    }
}
