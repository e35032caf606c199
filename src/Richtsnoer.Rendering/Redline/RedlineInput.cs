using Richtsnoer.Core;
using Richtsnoer.Core.Redline;

namespace Richtsnoer.Rendering.Redline;

/// <summary>
/// What every redline renderer needs besides the comparison: the two version labels ("1.0",
/// "2.0"), who made the changes and when (the author and date of every tracked change in the
/// DOCX, and the line under the heading elsewhere), and the language of the fixed words.
/// </summary>
/// <param name="ShowUnchanged">Whether unchanged clauses show their text; when false they are one line with their number and title.</param>
public sealed record RedlineInput(
    ProtocolRedline Redline,
    string FromLabel,
    string ToLabel,
    string Author,
    DateTimeOffset Date,
    Language Language,
    bool ShowUnchanged = true)
{
    public DateTime DateUtc => Date.UtcDateTime;
}

/// <summary>Turns a redline into the bytes of one format.</summary>
public interface IRedlineRenderer
{
    /// <summary>html, docx or pdf: the names the CLI's --format takes.</summary>
    string Format { get; }

    string MediaType { get; }

    string Extension { get; }

    void Render(RedlineInput input, Stream output);
}

public static class RedlineRenderers
{
    public static IReadOnlyList<IRedlineRenderer> Available { get; } = [new RedlineHtmlRenderer(), new RedlineDocxRenderer(), new RedlinePdfRenderer()];

    public static IEnumerable<string> Formats => Available.Select(r => r.Format);

    public static IRedlineRenderer? For(string format) =>
        Available.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase));

    public static byte[] RenderToBytes(this IRedlineRenderer renderer, RedlineInput input)
    {
        using var ms = new MemoryStream();
        renderer.Render(input, ms);
        return ms.ToArray();
    }
}

/// <summary>The fixed words of a redline, Dutch first. The markers make changes readable without colour, also in plain text.</summary>
public static class RedlineLabels
{
    public const string InsertOpen = "{+";
    public const string InsertClose = "+}";
    public const string DeleteOpen = "[-";
    public const string DeleteClose = "-]";

    public static readonly LocalText Title = new("Wijzigingen van versie {0} naar versie {1}", "Changes from version {0} to version {1}");
    public static readonly LocalText MadeBy = new("Opgesteld door {0} op {1}", "Drawn up by {0} on {1}");
    public static readonly LocalText AuthorLabel = new("Opgesteld door", "Drawn up by");
    public static readonly LocalText DateLabel = new("Datum", "Date");
    public static readonly LocalText Legend = new("Legenda", "Key");
    public static readonly LocalText Inserted = new("toegevoegd", "added");
    public static readonly LocalText Deleted = new("verwijderd", "removed");
    public static readonly LocalText InsertedText = new("toegevoegde tekst (onderstreept)", "added text (underlined)");
    public static readonly LocalText DeletedText = new("verwijderde tekst (doorgehaald)", "removed text (struck through)");
    public static readonly LocalText StatusLegend = new("Elke bepaling draagt haar status tussen rechte haken, zoals [gewijzigd].", "Each clause carries its status in square brackets, such as [changed].");
    public static readonly LocalText Summary = new("{0} nieuw, {1} verwijderd, {2} verplaatst, {3} gewijzigd, {4} ongewijzigd", "{0} new, {1} removed, {2} moved, {3} changed, {4} unchanged");
    public static readonly LocalText NoChanges = new("Geen wijzigingen: de tekst van beide versies is gelijk.", "No changes: both versions have the same text.");
    public static readonly LocalText Unchanged = new("ongewijzigd", "unchanged");
    public static readonly LocalText Changed = new("gewijzigd", "changed");
    public static readonly LocalText Added = new("nieuw", "new");
    public static readonly LocalText Removed = new("verwijderd", "removed");
    public static readonly LocalText MovedFrom = new("verplaatst van {0}", "moved from {0}");
    public static readonly LocalText MovedFromChanged = new("verplaatst van {0} en gewijzigd", "moved from {0} and changed");
    public static readonly LocalText MovedTo = new("verplaatst naar {0}", "moved to {0}");
    public static readonly LocalText SectionAdded = new("nieuw hoofdstuk", "new chapter");
    public static readonly LocalText SectionRemoved = new("hoofdstuk verwijderd", "chapter removed");
    public static readonly LocalText SectionRenamed = new("titel gewijzigd", "title changed");
    public static readonly LocalText TrackedNote = new(
        "De wijzigingen staan in dit document als bijgehouden wijzigingen. Alle wijzigingen accepteren geeft versie {1}, alle wijzigingen weigeren geeft versie {0}. Een verplaatste bepaling staat als verwijderd op haar oude plaats en als toegevoegd op de nieuwe.",
        "The changes are tracked changes in this document. Accepting all of them gives version {1}, rejecting all of them gives version {0}. A moved clause is deleted at its old place and inserted at the new one.");
    public static readonly LocalText MovedList = new("Verplaatst", "Moved");

    public static string Format(LocalText text, Language language, params object[] args) =>
        string.Format(language.Culture(), text[language], args);

    /// <summary>The status badge of a clause entry, in words.</summary>
    public static string Status(ClauseDiff c, Language language) => c switch
    {
        { IsMoveOrigin: true } => Format(MovedTo, language, c.New!.Number),
        { Status: ClauseStatus.Moved, TextChanged: true } => Format(MovedFromChanged, language, c.Old!.Number),
        { Status: ClauseStatus.Moved } => Format(MovedFrom, language, c.Old!.Number),
        { Status: ClauseStatus.Added } => Added[language],
        { Status: ClauseStatus.Removed } => Removed[language],
        { Status: ClauseStatus.Changed } => Changed[language],
        _ => Unchanged[language],
    };

    public static string? SectionStatus(SectionDiff s, Language language) => s.Kind switch
    {
        ChangeKind.Added => SectionAdded[language],
        ChangeKind.Removed => SectionRemoved[language],
        ChangeKind.Changed => SectionRenamed[language],
        _ => null,
    };

    public static string SummaryLine(RedlineSummary s, Language language) =>
        Format(Summary, language, s.Added, s.Removed, s.Moved, s.Changed, s.Unchanged);

    public static string Date(DateTimeOffset date, Language language) =>
        date.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", language.Culture());
}
