using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
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
    protected override bool AdmitsStaff => true;

    [BindProperty]
    public string? Text { get; set; }

    public PostCheckResult? Result { get; private set; }

    public IReadOnlyList<Segment> Segments { get; private set; } = [];

    public LocalText? Error { get; private set; }

    /// <summary>Whom a finding says to ask (the doubt contact, else the escalation contact), for its links.</summary>
    public Core.Answers.Contact? AskContact { get; private set; }

    /// <summary>Owners and editors may teach the check their own words and try a draft against them.</summary>
    public bool CanTeach => Membership.Role is Storage.Organisations.Role.Owner or Storage.Organisations.Role.Editor;

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var text = (Text ?? string.Empty).ReplaceLineEndings("\n");
        Text = text;
        if (EmployeeTools.DraftProblem(text) is { } problem)
        {
            Error = problem;
            return Page();
        }

        if (await tools.ForAsync(OrgId, HttpContext.Lang()) is not { } context)
        {
            return NotFound();
        }

        Result = context.Check(text, HttpContext.RequestAborted);
        AskContact = context.Effective.Contact("doubt_contact") ?? context.Effective.Contact("escalation_contact");
        Segments = Split(text, Result.Findings);
        return Page();
    }

    /// <summary>
    /// The draft with its findings marked, written exactly as typed: the page shows it with
    /// white-space: pre-wrap, so nothing may be added between the pieces. Neighbouring pieces with
    /// the same verdict are one mark, so a highlighted phrase reads as one run without seams; the
    /// numbers of the findings that end in a run follow it, in one superscript.
    /// </summary>
    public IHtmlContent DraftHtml(Language ui) => new HtmlString(DraftMarkup(Text ?? string.Empty, Segments, Result?.Findings ?? [], ui));

    public static string DraftMarkup(string text, IReadOnlyList<Segment> segments, IReadOnlyList<Finding> findings, Language ui)
    {
        var html = new StringBuilder();
        var encoder = HtmlEncoder.Default;
        for (var k = 0; k < segments.Count;)
        {
            var s = segments[k];
            if (s.Findings.Count == 0)
            {
                html.Append(encoder.Encode(s.Text));
                k++;
                continue;
            }

            var end = k;
            while (end + 1 < segments.Count && segments[end + 1].Findings.Count > 0 && segments[end + 1].Verdict == s.Verdict && segments[end + 1].Start == segments[end].End)
            {
                end++;
            }

            var (from, to) = (s.Start, segments[end].End);
            html.Append("<mark class=\"finding-").Append(s.Verdict.Id()).Append("\">").Append(encoder.Encode(text[from..to])).Append("</mark>");
            var ending = Enumerable.Range(0, findings.Count)
                .Where(i => findings[i].Start + findings[i].Length > from && findings[i].Start + findings[i].Length <= to)
                .Where(i => segments.Skip(k).Take(end - k + 1).Any(x => x.Findings.Contains(i)))
                .ToList();
            if (ending.Count > 0)
            {
                html.Append("<sup class=\"refs\">");
                for (var j = 0; j < ending.Count; j++)
                {
                    var n = ending[j] + 1;
                    html.Append(j == 0 ? "" : ",").Append("<a href=\"#f-").Append(n).Append("\" aria-label=\"")
                        .Append(ui == Language.Nl ? "bevinding " : "finding ").Append(n).Append("\">").Append(n).Append("</a>");
                }

                html.Append("</sup>");
            }

            k = end + 1;
        }

        return html.ToString();
    }

    /// <summary>
    /// Cuts the draft at every start and end of a finding; each piece knows which findings cover it.
    /// One sweep over the sorted cut points, keeping the findings that are open: the cost grows with
    /// the number of pieces times the findings open at once, and the findings are capped.
    /// </summary>
    public static IReadOnlyList<Segment> Split(string text, IReadOnlyList<Finding> findings)
    {
        var cuts = new List<int>(findings.Count * 2 + 2) { 0, text.Length };
        foreach (var f in findings)
        {
            cuts.Add(f.Start);
            cuts.Add(f.Start + f.Length);
        }

        cuts.Sort();
        var byStart = Enumerable.Range(0, findings.Count).OrderBy(i => findings[i].Start).ToArray();
        var open = new List<int>();
        var next = 0;
        var segments = new List<Segment>(cuts.Count);
        for (var k = 0; k + 1 < cuts.Count; k++)
        {
            var (a, b) = (cuts[k], cuts[k + 1]);
            if (a == b)
            {
                continue;
            }

            open.RemoveAll(i => findings[i].Start + findings[i].Length <= a);
            while (next < byStart.Length && findings[byStart[next]].Start <= a)
            {
                if (findings[byStart[next]].Start + findings[byStart[next]].Length > a)
                {
                    open.Add(byStart[next]);
                }

                next++;
            }

            var covering = open.Count == 0 ? [] : open.Order().ToList();
            var verdict = Verdict.Green;
            foreach (var i in covering)
            {
                verdict = (Verdict)Math.Max((int)verdict, (int)findings[i].Verdict);
            }

            segments.Add(new Segment(a, text[a..b], covering, verdict));
        }

        return segments;
    }
}
