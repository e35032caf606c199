using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.PostCheck;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Tools;

/// <summary>A run of the draft with the findings that cover it (none for plain text).</summary>
public sealed record Segment(int Start, string Text, IReadOnlyList<int> Findings, Verdict Verdict)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// The private post check for an employee: a text box, the verdict and the draft with the
/// findings highlighted. The draft is only in the request and the answer; it is not stored,
/// logged or cached.
/// </summary>
public sealed class PostCheckModel(EmployeeTools tools) : OrganisationPageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public PostCheckResult? Result { get; private set; }

    public IReadOnlyList<Segment> Segments { get; private set; } = [];

    public LocalText? Error { get; private set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var text = (Text ?? string.Empty).ReplaceLineEndings("\n");
        Text = text;
        if (string.IsNullOrWhiteSpace(text))
        {
            Error = new("Typ of plak eerst je bericht.", "Type or paste your post first.");
            return Page();
        }

        if (text.Length > EmployeeTools.MaxLength)
        {
            Error = new(
                $"De tekst is te lang om te controleren (meer dan {EmployeeTools.MaxLength:N0} tekens).",
                $"The text is too long to check (more than {EmployeeTools.MaxLength:N0} characters).");
            return Page();
        }

        if (await tools.ForAsync(OrgId, HttpContext.Lang()) is not { } context)
        {
            return NotFound();
        }

        Result = context.Checker.Check(text);
        Segments = Split(text, Result.Findings);
        return Page();
    }

    /// <summary>Cuts the draft at every start and end of a finding; each piece knows which findings cover it.</summary>
    public static IReadOnlyList<Segment> Split(string text, IReadOnlyList<Finding> findings)
    {
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var f in findings)
        {
            cuts.Add(f.Start);
            cuts.Add(f.Start + f.Length);
        }

        var list = cuts.ToList();
        var segments = new List<Segment>(list.Count);
        for (var k = 0; k + 1 < list.Count; k++)
        {
            var (a, b) = (list[k], list[k + 1]);
            var covering = new List<int>();
            var verdict = Verdict.Green;
            for (var i = 0; i < findings.Count; i++)
            {
                if (findings[i].Start <= a && findings[i].Start + findings[i].Length >= b)
                {
                    covering.Add(i);
                    verdict = (Verdict)Math.Max((int)verdict, (int)findings[i].Verdict);
                }
            }

            segments.Add(new Segment(a, text[a..b], covering, verdict));
        }

        return segments;
    }
}
