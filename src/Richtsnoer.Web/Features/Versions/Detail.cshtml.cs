using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Richtsnoer.Core;
using Richtsnoer.Core.Adoption;
using Richtsnoer.Storage.Adoption;
using Richtsnoer.Storage.Users;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Versions;

/// <summary>A comment on a version, from the audit trail.</summary>
public sealed record VersionComment(long Sequence, DateTimeOffset At, string Author, string? ClauseId, string Text);

/// <summary>
/// One version: its fingerprint, where it stands, its history, the comments, the downloads, and
/// for the owner the steps the state machine allows from here.
/// </summary>
public sealed class DetailModel(VersionStore versions, UserStore users, TimeProvider clock, Rollout.RolloutService rollout, ILogger<DetailModel> logger) : OrganisationPageModel
{
    protected override bool AdmitsWorksCouncil => true;

    /// <summary>The largest letter of the works council that is accepted.</summary>
    public const int MaxLetterBytes = 5 * 1024 * 1024;

    public const int MaxCommentLength = 4000;

    public ProtocolVersion Version { get; private set; } = null!;

    public IReadOnlyList<VersionMove> Allowed { get; private set; } = [];

    public IReadOnlyList<VersionComment> Comments { get; private set; } = [];

    /// <summary>Why the version could be or was published, when it was.</summary>
    public PublicationBasis? Basis { get; private set; }

    /// <summary>Until when the works council could invoke nullity (WOR art. 27 lid 5), when that applies.</summary>
    public DateOnly? NullityUntil { get; private set; }

    public Dictionary<string, LocalText> Errors { get; } = [];

    [BindProperty]
    public string? Move { get; set; }

    [BindProperty]
    public DateOnly? DecisionDate { get; set; }

    [BindProperty]
    public string? Conditions { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public IFormFile? Letter { get; set; }

    [BindProperty]
    public string? Clause { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid versionId) => await LoadAsync(versionId) ? Page() : NotFound();

    public async Task<IActionResult> OnGetLetterAsync(Guid versionId, Guid fileId)
    {
        if (!await LoadAsync(versionId) || !Version.History.Any(e => LetterOf(e)?.Id == fileId)
            || await versions.FileAsync(OrgId, fileId) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid versionId)
    {
        if (!await LoadAsync(versionId))
        {
            return NotFound();
        }

        if (!Membership.IsOwner)
        {
            return OwnerOnly();
        }

        if (!Enum.TryParse<VersionMove>(Move, ignoreCase: false, out var move) || move == VersionMove.Supersede || !Allowed.Contains(move))
        {
            return Illegal();
        }

        var details = new Dictionary<string, object?>();
        EvidenceUpload? letter = null;
        if (Texts.IsDecision(move))
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (DecisionDate is not { } date)
            {
                Errors["DecisionDate"] = new("Vul de datum van het besluit in.", "Enter the date of the decision.");
            }
            else if (date > today || date < DateOnly.FromDateTime(Version.Summary.CreatedAt.UtcDateTime))
            {
                Errors["DecisionDate"] = new("De datum ligt tussen het maken van de versie en vandaag.", "The date lies between the making of the version and today.");
            }

            if (move == VersionMove.RecordConsentWithConditions && string.IsNullOrWhiteSpace(Conditions))
            {
                Errors["Conditions"] = new("Schrijf op welke voorwaarden de ondernemingsraad stelt.", "Write down the conditions the works council sets.");
            }

            if (TextProblem(Conditions) is { } c1)
            {
                Errors["Conditions"] = c1;
            }

            letter = await ReadLetterAsync();
            details["date"] = DecisionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            details["conditions"] = Clean(Conditions);
        }

        if (TextProblem(Note) is { } n)
        {
            Errors["Note"] = n;
        }

        details["note"] = Clean(Note);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            var state = await versions.MoveAsync(OrgId, versionId, move, await ActorAsync(users), details, letter);
            logger.LogInformation("User {UserId} moved version {VersionId} of organisation {OrganisationId}: {Move} -> {State}", UserId, versionId, OrgId, move, state);
            if (move == VersionMove.Publish)
            {
                await rollout.StartAsync(HttpContext, OrgId, versionId);
            }
        }
        catch (IllegalMoveException)
        {
            await LoadAsync(versionId);
            return Illegal();
        }
        catch (UnchangedPublicationException)
        {
            await LoadAsync(versionId);
            Errors["Move"] = new("Deze tekst geldt al: een eerdere versie met precies dezelfde tekst is gepubliceerd. Opnieuw publiceren verandert niets.", "This text is already in force: an earlier version with exactly the same text is published. Publishing again changes nothing.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return LocalRedirect($"/o/{OrgId}/versions/{versionId}?moved={move}");
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid versionId)
    {
        if (!await LoadAsync(versionId))
        {
            return NotFound();
        }

        var text = Clean(Comment) ?? string.Empty;
        if (text.Length == 0)
        {
            Errors["Comment"] = new("Schrijf eerst uw opmerking.", "Write your comment first.");
        }
        else if (TextProblem(text) is { } problem)
        {
            Errors["Comment"] = problem;
        }

        var clause = string.IsNullOrEmpty(Clause) ? null : Clause;
        if (clause is not null && !Version.Snapshot.Documents.SelectMany(d => d.Document.AllClauses).Any(c => c.Id == clause))
        {
            Errors["Clause"] = new("Kies een bepaling uit deze versie.", "Choose a clause of this version.");
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await versions.CommentAsync(OrgId, versionId, await ActorAsync(users), clause, text);
        return LocalRedirect($"/o/{OrgId}/versions/{versionId}?commented=1#comments");
    }

    /// <summary>Typed text as stored: line ends as \n (<see cref="FormText.Lines"/>), no surrounding space; null when empty.</summary>
    public static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : FormText.Lines(text).Trim();

    /// <summary>What is wrong with a comment, note or condition (too long, control characters), as a sentence; null when nothing.</summary>
    public static LocalText? TextProblem(string? text) =>
        Core.Answers.AnswerConverter.CheckText(Clean(text) ?? string.Empty, MaxCommentLength) is { } p
            ? new LocalText("Deze tekst " + p.Message.Nl + ".", "This text " + p.Message.En + ".")
            : null;

    private IActionResult Illegal()
    {
        Errors["Move"] = IllegalMoveException.UserMessage;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>The letter, when one was chosen: a PDF (by its first bytes, not its name) of at most 5 MB.</summary>
    private async Task<EvidenceUpload?> ReadLetterAsync()
    {
        if (Letter is null || Letter.Length == 0)
        {
            return null;
        }

        if (Letter.Length > MaxLetterBytes)
        {
            Errors["Letter"] = new("De brief is groter dan 5 MB. Maak er een kleinere PDF van.", "The letter is larger than 5 MB. Make a smaller PDF of it.");
            return null;
        }

        using var buffer = new MemoryStream();
        await Letter.CopyToAsync(buffer, HttpContext.RequestAborted);
        var bytes = buffer.ToArray();
        if (bytes.Length < 5 || !bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            Errors["Letter"] = new("De brief moet een PDF-bestand zijn.", "The letter must be a PDF file.");
            return null;
        }

        var name = Path.GetFileName(Letter.FileName ?? "brief.pdf");
        name = new string(name.Where(ch => !char.IsControl(ch)).ToArray());
        if (name.Length == 0 || name.Length > 200)
        {
            name = "brief-ondernemingsraad.pdf";
        }

        return new EvidenceUpload(name, "application/pdf", bytes);
    }

    private async Task<bool> LoadAsync(Guid versionId)
    {
        if (await versions.GetAsync(OrgId, versionId) is not { } version || (IsWorksCouncil && !version.Summary.SubmittedToWorksCouncil))
        {
            return false;
        }

        Version = version;
        Allowed = Membership.IsOwner ? VersionStateMachine.Allowed(version.Summary.State, version.Requirement) : [];
        Comments = version.History.Where(e => e.Kind == "comment.added").Select(ToComment).ToList();
        var moves = version.History.Select(e => VersionStore.IsMove(e.Kind, out var m) ? m : (VersionMove?)null).OfType<VersionMove>().ToList();
        if (moves.Contains(VersionMove.Publish))
        {
            Basis = VersionStateMachine.Basis(moves, version.Requirement);
            if (version.Requirement.WorksCouncil && Basis == PublicationBasis.CaoRegulatesAndNoMonitoring && version.Summary.PublishedAt is { } at)
            {
                NullityUntil = DateOnly.FromDateTime(at.UtcDateTime).AddMonths(1);
            }
        }

        return true;
    }

    /// <summary>The uploaded letter an entry refers to, if any.</summary>
    public static (Guid Id, string Name)? LetterOf(AuditEntry e)
    {
        using var json = JsonDocument.Parse(e.Data);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.Object
            ? (f.GetProperty("id").GetGuid(), f.GetProperty("name").GetString() ?? "brief.pdf")
            : null;
    }

    private static VersionComment ToComment(AuditEntry e)
    {
        using var json = JsonDocument.Parse(e.Data);
        var clause = json.RootElement.TryGetProperty("clause", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var text = json.RootElement.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty;
        return new VersionComment(e.Sequence, e.At, e.Actor, clause, text);
    }
}
