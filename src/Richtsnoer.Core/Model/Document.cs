namespace Richtsnoer.Core.Model;

/// <summary>
/// An assembled protocol: what every renderer consumes. It knows nothing of answers, storage
/// or output formats.
/// </summary>
public sealed record ProtocolDocument(
    DocumentMetadata Metadata,
    IReadOnlyList<Section> Sections,
    CoverageReport Coverage)
{
    public IEnumerable<Section> MainSections => Sections.Where(s => !s.IsAppendix);

    public IEnumerable<Section> Appendices => Sections.Where(s => s.IsAppendix);

    public IEnumerable<Clause> AllClauses => Sections.SelectMany(s => s.Clauses);
}

public enum DocumentKind
{
    Protocol,
    Summary,
}

public sealed record DocumentMetadata(
    DocumentKind Kind,
    string Title,
    string OrganisationName,
    Language Language,
    string Version,
    DateOnly? EffectiveDate,
    DateOnly GeneratedOn,
    string Subject,
    IReadOnlyList<string> Keywords,
    string? Adoption = null);

/// <summary>A chapter; appendices are numbered A, B, ... after the main chapters.</summary>
public sealed record Section(string Id, string Number, string Title, bool IsAppendix, IReadOnlyList<Clause> Clauses)
{
    /// <summary>"3" or, for an appendix, "Bijlage A" / "Appendix A".</summary>
    public string Label(Language language) =>
        IsAppendix ? (language == Language.Nl ? "Bijlage " : "Appendix ") + Number : Number;
}

public enum ClauseOrigin
{
    /// <summary>Taken from the clause library as written.</summary>
    Library,

    /// <summary>Library clause whose text the organisation replaced.</summary>
    Adapted,

    /// <summary>Written by the organisation itself.</summary>
    Custom,
}

public sealed record Clause(
    string Id,
    int Version,
    string Number,
    string Title,
    IReadOnlyList<string> Topics,
    IReadOnlyList<Block> Blocks,
    ClauseOrigin Origin = ClauseOrigin.Library);

/// <summary>A run of text; <see cref="Strong"/> marks emphasis.</summary>
public sealed record Inline(string Text, bool Strong = false);

public abstract record Block;

public sealed record Paragraph(IReadOnlyList<Inline> Inlines) : Block;

public sealed record BulletList(IReadOnlyList<IReadOnlyList<Inline>> Items) : Block;

public sealed record NumberedList(IReadOnlyList<IReadOnlyList<Inline>> Items) : Block;

/// <summary>A table; the first row is the header.</summary>
public sealed record Table(IReadOnlyList<IReadOnlyList<IReadOnlyList<Inline>>> Rows) : Block;

/// <summary>A concrete example, shown in a box apart from the rule.</summary>
public sealed record Example(IReadOnlyList<Inline> Inlines) : Block;

public static class InlineExtensions
{
    public static string PlainText(this IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i.Text));
}
