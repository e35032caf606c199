using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.PostCheck;
using Richtsnoer.Core.PostCheck.Pipeline;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Web.Features.Tools;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Protocol;

/// <summary>One of the organisation's own terms and the other words given for it.</summary>
public sealed record TermRow(int Index, string Kind, string Term, string Aliases);

/// <summary>What a finding of the test draft matched: the words in the draft, the configured term and the word that found it.</summary>
public sealed record TermMatch(Finding Finding, string Found, string? Term, string? Via);

/// <summary>
/// The organisation teaches the post check (issue 14): per confidential matter, relation and
/// competitor the other words staff use for it, stored as the answer <c>check_aliases</c> (the
/// same answer the interview and the answers file hold, one line "term = word, word"). And a test
/// draft: the post check as staff get it, with per finding which term or other word matched. The
/// test draft is only in the request and the answer: never stored, logged or cached.
/// Owners and editors only.
/// </summary>
public sealed class CheckTermsModel(ProtocolStore protocols, ContentLibrary library, EmployeeTools tools) : OrganisationPageModel
{
    [BindProperty]
    public List<string?> Aliases { get; set; } = [];

    [BindProperty]
    public string? Fingerprint { get; set; }

    [BindProperty]
    public string? Draft { get; set; }

    public IReadOnlyList<TermRow> Terms { get; private set; } = [];

    public Dictionary<int, LocalText> Errors { get; } = [];

    public LocalText? Problem { get; private set; }

    public bool Saved { get; private set; }

    public PostCheckResult? Result { get; private set; }

    public IReadOnlyList<TermMatch> Matches { get; private set; } = [];

    public bool CanTeach => Membership.Role is Role.Owner or Role.Editor;

    public static readonly IReadOnlyList<string> Lists = ["confidential_matters", "relations", "competitors"];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!CanTeach)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await protocols.GetAsync(OrgId) is not { } draft)
        {
            return NotFound();
        }

        Load(draft.Answers, fromForm: false);
        Saved = Request.Query["saved"] == "1";
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!CanTeach)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await protocols.GetAsync(OrgId) is not { } current)
        {
            return NotFound();
        }

        var seen = Fingerprint;
        Load(current.Answers, fromForm: true);
        var question = library.Interview.Find(TermAliases.AnswerId)!;
        var lines = new List<string>();
        foreach (var row in Terms)
        {
            var words = (row.Aliases ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(w => w.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (words.Any(w => w.Contains('=', StringComparison.Ordinal)))
            {
                Errors[row.Index] = new("Een ander woord mag geen =-teken bevatten.", "Another word may not contain an = sign.");
                continue;
            }

            if (words.FirstOrDefault(w => w.Length < 2) is not null)
            {
                Errors[row.Index] = new("Elk ander woord heeft minstens 2 tekens.", "Each other word needs at least 2 characters.");
                continue;
            }

            if (words.Count > 0)
            {
                var line = $"{row.Term} = {string.Join(", ", words)}";
                if (AnswerConverter.Text(question, line) is { } problem)
                {
                    Errors[row.Index] = problem.Message;
                    continue;
                }

                lines.Add(line);
            }
        }

        // Lines for a term that is no longer in the lists stay as they are (the interview shows them).
        var known = Terms.Select(t => t.Term).ToHashSet(StringComparer.OrdinalIgnoreCase);
        lines.AddRange(current.Answers.List(TermAliases.AnswerId).Where(l => TermAliases.Parse(l) is not { } p || !known.Contains(p.Term)));
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Fingerprint = seen;
            return Page();
        }

        var (value, invalid) = AnswerConverter.Convert(question, new RawValue.Sequence(lines));
        if (invalid is not null)
        {
            Problem = invalid.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        try
        {
            await protocols.UpdateAsync(OrgId, UserId, d => Of(d.Answers) == seen, d =>
                d.RecordAnswers(d.CurrentStep ?? library.Interview.Steps[0].Id, d.Answers.With(TermAliases.AnswerId, lines.Count == 0 ? null : value)), HttpContext.RequestAborted);
        }
        catch (ConcurrentChangeException e)
        {
            Problem = new(
                "Iemand anders heeft deze woorden of de lijsten gewijzigd nadat u deze pagina opende. Er is niets opgeslagen. Hieronder staat wat u typte; sla opnieuw op om het toch te bewaren.",
                "Someone else changed these words or the lists after you opened this page. Nothing was saved. What you typed is below; save again to keep it anyway.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            Fingerprint = Of(e.Current.Answers);
            return Page();
        }

        return LocalRedirect($"/o/{OrgId}/protocol/check-terms?saved=1");
    }

    public async Task<IActionResult> OnPostTryAsync()
    {
        if (!CanTeach)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Response.Headers.CacheControl = "no-store";
        if (await protocols.GetAsync(OrgId) is not { } current)
        {
            return NotFound();
        }

        Load(current.Answers, fromForm: false);
        var text = (Draft ?? string.Empty).ReplaceLineEndings("\n");
        Draft = text;
        if (EmployeeTools.DraftProblem(text) is { } problem)
        {
            Problem = problem;
            return Page();
        }

        if (await tools.ForAsync(OrgId, HttpContext.Lang()) is not { } context)
        {
            return NotFound();
        }

        Result = context.Check(text, HttpContext.RequestAborted);
        Matches = Result.Findings.Select(f => Match(f, text, context.Effective)).ToList();
        return Page();
    }

    private void Load(AnswerSet answers, bool fromForm)
    {
        var effective = AnswerDefaults.Apply(answers, library);
        var aliases = TermAliases.Read(effective);
        var rows = new List<TermRow>();
        foreach (var list in Lists)
        {
            foreach (var term in effective.List(list).Where(t => t.Trim().Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (rows.Any(r => string.Equals(r.Term, term, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var index = rows.Count;
                var stored = string.Join(", ", aliases.AliasesOf([term]));
                rows.Add(new TermRow(index, list, term, fromForm ? (index < Aliases.Count ? Aliases[index] ?? "" : "") : stored));
            }
        }

        Terms = rows;
        if (!fromForm)
        {
            Fingerprint = Of(answers);
        }
    }

    /// <summary>What the page edits: the lists, and the other words given for them.</summary>
    private static string Of(AnswerSet answers) =>
        Infrastructure.Fingerprint.Of([.. Lists.Append(TermAliases.AnswerId).Select(id => Infrastructure.Fingerprint.Canonical(answers.Get(id)))]);

    /// <summary>
    /// Which of the organisation's terms a finding is about, and by which of its words it was found:
    /// the term the check names (<see cref="Finding.Term"/>), else, for a confidential matter, the matter
    /// whose words are closest to what was found; then the one of its words closest to the draft.
    /// </summary>
    public static TermMatch Match(Finding finding, string draft, AnswerSet effective)
    {
        var found = draft.Substring(finding.Start, finding.Length);
        var aliases = TermAliases.Read(effective);
        var candidates = finding.Category switch
        {
            CheckCategory.Relation => effective.List("relations"),
            CheckCategory.Competitor => effective.List("competitors"),
            CheckCategory.Confidential when finding.Kind == "matter" => effective.List("confidential_matters"),
            _ => [],
        };
        if (finding.Term is { } named && !candidates.Contains(named, StringComparer.OrdinalIgnoreCase))
        {
            candidates = [];
        }
        else if (finding.Term is { } t)
        {
            candidates = [t];
        }

        var best = candidates
            .SelectMany(term => aliases.WithAliases(term).Select(word => (Term: term, Word: word, Score: Closeness(found, word))))
            .OrderByDescending(x => x.Score)
            .FirstOrDefault();
        if (best.Term is null || (best.Score == 0 && finding.Term is null))
        {
            return new TermMatch(finding, found, finding.Term, null);
        }

        return new TermMatch(finding, found, best.Term, best.Score == 0 ? null : best.Word);
    }

    /// <summary>How much of a word the found text holds: shared leading letters per word, folded (case and accents ignored).</summary>
    private static int Closeness(string found, string word)
    {
        var f = Fold(found);
        var w = Fold(word);
        if (f.Contains(w, StringComparison.Ordinal))
        {
            return 1000 + w.Length;
        }

        var foundWords = Words(f);
        var score = 0;
        foreach (var part in Words(w))
        {
            score += foundWords.Max(x => Shared(x, part)) is var n && n >= Math.Min(4, part.Length) ? n : 0;
        }

        return score;

        static List<string> Words(string s) => [.. s.Split(' ', '-', '\'', '’', '.', ',').Where(x => x.Length > 0).DefaultIfEmpty("")];

        static int Shared(string a, string b)
        {
            var n = 0;
            while (n < a.Length && n < b.Length && a[n] == b[n])
            {
                n++;
            }

            return n;
        }
    }

    private static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    public static LocalText KindLabel(string list) => list switch
    {
        "confidential_matters" => new("Vertrouwelijk", "Confidential"),
        "relations" => new("Relatie", "Relation"),
        _ => new("Concurrent", "Competitor"),
    };
}
