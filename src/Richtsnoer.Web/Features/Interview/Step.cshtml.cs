using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Rendering.Html;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Web.Features.Protocol;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Interview;

/// <summary>
/// One step of the interview. Every post saves the step's valid answers; "next" only moves on
/// when the step is complete. A second handler renders the live preview without saving.
/// </summary>
public sealed class StepModel(ProtocolStore protocols, OrganisationStore organisations, ProtocolBuilder builder, ContentLibrary library, ILogger<StepModel> logger) : OrganisationPageModel
{
    public Step Step { get; private set; } = null!;

    public int Number { get; private set; }

    /// <summary>The interview steps plus the final check-and-download step.</summary>
    public int Total => library.Interview.ScreenCount;

    public IReadOnlyList<Step> Steps => library.Interview.Steps;

    /// <summary>The sector option without a preset, for a preview before the sector is known.</summary>
    private const string NoSector = "anders";

    public IReadOnlyList<FieldView> Fields { get; private set; } = [];

    public string PreviewHtml { get; private set; } = string.Empty;

    public Language PreviewLanguage { get; private set; }

    public bool NewQuestionShown { get; private set; }

    public bool Saved { get; private set; }

    /// <summary>The fingerprint of this step's stored answers the form was built on (optimistic concurrency).</summary>
    public string Base { get; private set; } = string.Empty;

    /// <summary>After a refused stale save: the questions someone else answered differently meanwhile, with their answer now.</summary>
    public IReadOnlyList<(Question Question, string Now)> Conflicts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? step)
    {
        var draft = await protocols.GetAsync(OrgId);
        if (draft is null)
        {
            return NotFound();
        }

        if (step is null)
        {
            return LocalRedirect($"/o/{OrgId}/interview/{draft.CurrentStep ?? Steps[0].Id}");
        }

        if (!Select(step))
        {
            return NotFound();
        }

        Saved = Request.Query["saved"] == "1";
        Fields = InterviewForm.Fields(Step, draft.Answers, library);
        Base = Fingerprint.OfStep(Step, draft.Answers);
        SetPreview(draft.Answers);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? step, string? nav)
    {
        if (step is null || !Select(step))
        {
            return NotFound();
        }

        nav ??= "next";
        var posted = InterviewForm.Read(Step, Request.Form);
        IReadOnlyList<AnswerError> required = [];
        string? destination = null;
        var finished = false;

        var formBase = Request.Form["base"].ToString();
        ProtocolDraft draft;
        try
        {
            draft = await protocols.UpdateAsync(OrgId, UserId, d => formBase.Length == 0 || Fingerprint.OfStep(Step, d.Answers) == formBase, d =>
        {
            var answers = posted.ApplyTo(d.Answers);
            required = nav == "next" ? builder.Problems(answers, Step.Id) : [];
            NewQuestionShown = nav == "next" && InterviewForm.Fields(Step, answers, library).Any(f => f.Visible && !posted.Shown.Contains(f.Question.Id));
            var blocked = posted.Problems.Count > 0 || required.Count > 0 || NewQuestionShown;
            destination = blocked ? null : Destination(nav);
            d.RecordAnswers(destination is null or "protocol" ? Step.Id : destination, answers);
            if (destination == "protocol" && builder.Problems(answers).Count == 0)
            {
                d.Generate([]);
                finished = true;
            }
        });
        }
        catch (ConcurrentChangeException conflict)
        {
            return Conflict(conflict.Current, posted);
        }

        // The organisation is listed under the name the protocol uses.
        if (posted.Values.GetValueOrDefault("org_name") is TextAnswer name && name.Value != Membership.OrganisationName)
        {
            await organisations.RenameAsync(OrgId, name.Value);
        }

        if (finished)
        {
            logger.LogInformation("Organisation {OrganisationId} completed the interview", OrgId);
        }

        return destination switch
        {
            null => Redisplay(draft, posted, required),
            "protocol" => LocalRedirect($"/o/{OrgId}/protocol"),
            "organisations" => LocalRedirect("/organisations?saved=1"),
            _ => LocalRedirect($"/o/{OrgId}/interview/{destination}"),
        };
    }

    /// <summary>The live preview: the posted form merged into the stored answers, assembled, not saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string? step, string? lang)
    {
        if (step is null || !Select(step))
        {
            return NotFound();
        }

        var draft = await protocols.GetAsync(OrgId);
        if (draft is null)
        {
            return NotFound();
        }

        var posted = InterviewForm.Read(Step, Request.Form);
        var answers = posted.ApplyTo(draft.Answers);
        SetPreview(answers, lang);
        return new JsonResult(new
        {
            html = PreviewHtml,
            hidden = InterviewForm.Hidden(Step, answers, library).ToList(),
            language = PreviewLanguage.Code(),
        });
    }

    private IActionResult Redisplay(ProtocolDraft draft, PostedStep posted, IReadOnlyList<AnswerError> required)
    {
        Fields = InterviewForm.Fields(Step, draft.Answers, library, posted, required);
        Base = Fingerprint.OfStep(Step, draft.Answers);
        SetPreview(draft.Answers);
        return Page();
    }

    /// <summary>
    /// Someone saved this step after the form was loaded. Nothing was saved: the form shows what
    /// this user typed, with the answers stored now beside it; saving again keeps the typed version.
    /// </summary>
    private IActionResult Conflict(ProtocolDraft current, PostedStep posted)
    {
        Conflicts = Step.Questions
            .Where(q => posted.Raw.ContainsKey(q.Id) || posted.Values.ContainsKey(q.Id))
            .Where(q => Fingerprint.Canonical(current.Answers.Get(q.Id)) != Fingerprint.Canonical(posted.Values.GetValueOrDefault(q.Id)))
            .Select(q => (q, Display(current.Answers.Get(q.Id))))
            .ToList();
        var typed = posted.ApplyTo(current.Answers);
        Fields = InterviewForm.Fields(Step, typed, library, posted, []);
        Base = Fingerprint.OfStep(Step, current.Answers);
        SetPreview(typed);
        Response.StatusCode = StatusCodes.Status409Conflict;
        logger.LogInformation("Stale save of step {Step} in organisation {OrganisationId} refused", Step.Id, OrgId);
        return Page();
    }

    private string Display(AnswerValue? value) => value switch
    {
        null => HttpContext.T("(leeg)", "(empty)"),
        BoolAnswer b => b.Value ? HttpContext.T("ja", "yes") : HttpContext.T("nee", "no"),
        ContactAnswer c => string.Join(", ", new[] { c.Contact.Name, c.Contact.Email, c.Contact.Phone }.Where(x => !string.IsNullOrWhiteSpace(x))),
        _ => string.Join(", ", value.Scalars()),
    };

    private string? Destination(string nav)
    {
        var index = Number - 1;
        return nav switch
        {
            "back" => Steps[Math.Max(0, index - 1)].Id,
            "save" => "organisations",
            "next" => index + 1 < Steps.Count ? Steps[index + 1].Id : "protocol",
            _ when nav.StartsWith("goto:", StringComparison.Ordinal) => nav[5..] is var id && (id == "protocol" || Steps.Any(s => s.Id == id)) ? id : Step.Id,
            _ => Step.Id,
        };
    }

    private bool Select(string stepId)
    {
        var index = Steps.ToList().FindIndex(s => s.Id == stepId);
        if (index < 0)
        {
            return false;
        }

        Step = Steps[index];
        Number = index + 1;
        return true;
    }

    private void SetPreview(AnswerSet answers, string? lang = null)
    {
        // Until a sector is chosen the preview speaks of no sector at all: the placeholder for a
        // missing choice would otherwise be its first option, care, with its words and roles.
        if (answers.Choice("sector") is null && library.Interview.Find("sector")?.Option(NoSector) is not null)
        {
            answers = answers.With("sector", new ChoiceAnswer(NoSector));
        }

        var languages = builder.Languages(answers);
        PreviewLanguage = LanguageExtensions.TryParse(lang, out var l) && languages.Contains(l) ? l : languages[0];
        var assembled = builder.Preview(answers, PreviewLanguage);
        PreviewHtml = assembled.Document is { } doc
            ? HtmlRenderer.Body(doc, toc: false)
            : "<p class=\"preview-problem\">" + HtmlRenderer.E(string.Join(" ", assembled.Problems.Select(p => p[HttpContext.Lang()]))) + "</p>";
    }
}
