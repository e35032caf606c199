using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Protocol;

/// <summary>
/// The answers file of the draft: download it as YAML, or upload one to replace every answer and
/// adaptation. An upload is checked exactly as <c>richtsnoer answers validate</c> checks a file
/// (<see cref="AnswersFileCheck"/>); with any error nothing changes. The form carries the
/// fingerprint of the answers it was opened on, so an import never overwrites a change someone
/// made meanwhile (decision 014); the save is one more draft change in the audit trail.
/// </summary>
public sealed class AnswersFileModel(ProtocolStore protocols, ContentLibrary library, ILogger<AnswersFileModel> logger) : OrganisationPageModel
{
    /// <summary>The name the uploaded file gets in error messages: the user's own file name is not repeated back.</summary>
    public const string UploadName = "upload.yaml";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Fingerprint { get; set; }

    public IReadOnlyList<AnswerError> Errors { get; private set; } = [];

    public LocalText? Problem { get; private set; }

    public bool Imported { get; private set; }

    public bool CanImport => Membership.Role is Role.Owner or Role.Editor;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await protocols.GetAsync(OrgId) is not { } draft)
        {
            return NotFound();
        }

        Fingerprint = Of(draft.Answers);
        Imported = Request.Query["imported"] == "1";
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        if (await protocols.GetAsync(OrgId) is not { } draft)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        var text = AnswersFile.Write(draft.Answers, library);
        var name = $"antwoorden-{Slug(Membership.OrganisationName)}.yaml";
        return File(new System.Text.UTF8Encoding(false).GetBytes(text), "application/yaml; charset=utf-8", name);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanImport)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await protocols.GetAsync(OrgId) is not { } current)
        {
            return NotFound();
        }

        if (Upload is null || Upload.Length == 0)
        {
            Problem = Upload is null
                ? new("Kies eerst een antwoordenbestand (.yaml).", "Choose an answers file (.yaml) first.")
                : new("Het gekozen bestand is leeg.", "The chosen file is empty.");
            return Refused(current);
        }

        if (Upload.Length > AnswersFile.MaxBytes)
        {
            Errors = AnswersFileCheck.Check(new byte[AnswersFile.MaxBytes + 1], UploadName, library).Errors;
            return Refused(current);
        }

        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, HttpContext.RequestAborted);
        var result = AnswersFileCheck.Check(buffer.ToArray(), UploadName, library);
        if (!result.Ok)
        {
            Errors = result.Errors;
            return Refused(current);
        }

        var imported = result.Answers!;
        var seen = Fingerprint;
        try
        {
            await protocols.UpdateAsync(OrgId, UserId, d => Of(d.Answers) == seen, d =>
            {
                // Through the draft's own moves: the answers, then generation (a valid file has every
                // required answer), then the adaptations, which replace the stored ones.
                d.RecordAnswers(d.CurrentStep ?? library.Interview.Steps[^1].Id, new AnswerSet(imported.Values));
                d.Generate([]);
                d.Customise(imported.Customisations);
            }, HttpContext.RequestAborted);
        }
        catch (ConcurrentChangeException e)
        {
            Problem = new(
                "Iemand anders heeft de antwoorden gewijzigd nadat u deze pagina opende. Er is niets ingelezen. Download eventueel eerst de nieuwe antwoorden en kies het bestand dan opnieuw.",
                "Someone else changed the answers after you opened this page. Nothing was imported. You may want to download the new answers first, then choose the file again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            Fingerprint = Of(e.Current.Answers);
            return Page();
        }

        logger.LogInformation("User {UserId} imported an answers file into organisation {OrganisationId} ({Answers} answers)", UserId, OrgId, imported.Values.Count);
        return LocalRedirect($"/o/{OrgId}/protocol/answers-file?imported=1");
    }

    private IActionResult Refused(ProtocolDraft current)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Fingerprint = Of(current.Answers);
        return Page();
    }

    /// <summary>The whole stored draft as the file shows it: answers and adaptations.</summary>
    private string Of(AnswerSet answers) => Infrastructure.Fingerprint.Of(AnswersFile.Write(answers, library));

    /// <summary>"bakkerij-de-gouden-korst": plain ASCII for the file name.</summary>
    public static string Slug(string name)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in name.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (!char.IsLetterOrDigit(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        slug = slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
        return slug.Length == 0 ? "organisatie" : slug;
    }
}
