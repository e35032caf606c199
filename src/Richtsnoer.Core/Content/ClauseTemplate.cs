namespace Richtsnoer.Core.Content;

/// <summary>How a generated clause is built (from a shared content source instead of a body).</summary>
public enum ClauseGenerator
{
    None,
    ResponseGuide,
    Disclaimer,
}

/// <summary>A clause of the library, as loaded from <c>content/clauses/&lt;section&gt;/&lt;id&gt;.md</c>.</summary>
public sealed record ClauseTemplate(
    string Id,
    int Version,
    string SectionId,
    int Order,
    IReadOnlyList<string> Topics,
    string? Alternative,
    Condition? When,
    IReadOnlyList<string> Variables,
    ClauseGenerator Generator,
    ClauseBody? Nl,
    ClauseBody? En,
    string SourceFile)
{
    public ClauseBody? For(Language language) => language == Language.Nl ? Nl : En;

    /// <summary>
    /// For a member of an alternative group: choosing it answers the one question its
    /// <see cref="When"/> names (<c>sets_answer: true</c>), instead of overriding the answers.
    /// </summary>
    public bool SetsAnswer { get; init; }

    /// <summary>The short name of this variant in the chooser (<c>label: {nl, en}</c>).</summary>
    public LocalText? Label { get; init; }

    /// <summary>One line on what this variant says (<c>description: {nl, en}</c>).</summary>
    public LocalText? Description { get; init; }
}

/// <summary>The title and blocks of a clause in one language, with placeholders not yet filled in.</summary>
public sealed record ClauseBody(string Title, IReadOnlyList<TemplateBlock> Blocks)
{
    public IEnumerable<Placeholder> Placeholders() =>
        Blocks.SelectMany(b => b.Rows).SelectMany(r => r).SelectMany(i => i.Segments).OfType<Placeholder>();

    public IEnumerable<Reference> References() =>
        Blocks.SelectMany(b => b.Rows).SelectMany(r => r).SelectMany(i => i.Segments).OfType<Reference>();
}

public enum TemplateBlockKind
{
    Paragraph,
    Bullets,
    Numbered,
    Table,
    Example,
}

/// <summary>
/// A block of a template. A paragraph or example has one row with one cell; a list has one row
/// per item with one cell; a table has rows of cells.
/// </summary>
public sealed record TemplateBlock(TemplateBlockKind Kind, IReadOnlyList<IReadOnlyList<TemplateInline>> Rows);

/// <summary>A piece of template text: literal runs and placeholders, possibly strong.</summary>
public sealed record TemplateInline(IReadOnlyList<TemplateSegment> Segments)
{
    /// <summary>True when the inline is nothing but one placeholder (e.g. a bullet <c>- {{relations}}</c>).</summary>
    public Placeholder? Only => Segments is [Placeholder p] ? p : null;
}

public abstract record TemplateSegment(bool Strong);

public sealed record Literal(string Text, bool Strong) : TemplateSegment(Strong);

/// <summary><c>{{question}}</c> or <c>{{question.field}}</c>.</summary>
public sealed record Placeholder(string Name, string? Field, bool Strong) : TemplateSegment(Strong)
{
    public override string ToString() => Field is null ? "{{" + Name + "}}" : "{{" + Name + "." + Field + "}}";
}

public enum ReferenceKind
{
    /// <summary><c>{{clause:id}}</c>: the number of that clause in the assembled document, e.g. "7.3".</summary>
    Clause,

    /// <summary><c>{{section:id}}</c>: "hoofdstuk 3" or "bijlage B" as assembled.</summary>
    Section,
}

/// <summary>
/// A cross-reference, filled in from the assembled document so that no number is ever typed in
/// content. The assembler refuses a reference to a clause or section the document leaves out.
/// </summary>
public sealed record Reference(ReferenceKind Kind, string Target, bool Strong) : TemplateSegment(Strong)
{
    public override string ToString() => "{{" + (Kind == ReferenceKind.Clause ? "clause:" : "section:") + Target + "}}";
}
