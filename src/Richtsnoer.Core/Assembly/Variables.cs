using System.Globalization;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Assembly;

/// <summary>
/// Fills placeholders from the answers, formatted for one language. Without a library (text an
/// organisation typed, which has no placeholders) it only turns template blocks into blocks.
/// </summary>
internal sealed class Variables(ContentLibrary? library, AnswerSet answers, Language language)
{
    public List<AssemblyProblem> Problems { get; } = [];

    /// <summary>Clause id -> its number in the assembled document, for <c>{{clause:id}}</c>.</summary>
    public Dictionary<string, string> ClauseNumbers { get; } = new(StringComparer.Ordinal);

    /// <summary>Section id -> "hoofdstuk 3" / "bijlage B", for <c>{{section:id}}</c>.</summary>
    public Dictionary<string, string> SectionLabels { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The language a plain (one-language) text answer is written in: the first document
    /// language of the answers. A text in any other language has to be given explicitly.
    /// </summary>
    private readonly Language primary = answers.List("languages").FirstOrDefault() is "en" ? Language.En : Language.Nl;

    /// <summary>Set when the last <see cref="Text"/> or <see cref="ListItems"/> found an answer without a text in this language.</summary>
    private bool untranslated;

    /// <summary>
    /// The value of a placeholder as text, or null when the answer is missing. A free-text answer
    /// without a text in the document language is missing too: the document never mixes languages.
    /// </summary>
    public string? Text(Placeholder p)
    {
        untranslated = false;
        if (p.Name == "org_short")
        {
            return answers.List("org_short_names").FirstOrDefault() ?? answers.Text("org_name");
        }

        var name = p.Name;
        var value = answers.Get(name);
        if (value is null && name == "doubt_contact")
        {
            name = "escalation_contact";
            value = answers.Get(name);
        }

        if (value is null && name == "privacy_contact")
        {
            name = "review_owner";
            value = answers.Get(name);
        }

        var question = library?.Interview.Find(name);
        return value switch
        {
            null => null,
            ContactAnswer c => p.Field switch
            {
                "name" => Local(name, question, c.Contact.Name, c.Contact.NameEn),
                "email" => c.Contact.Email,
                "phone" => c.Contact.Phone,
                _ => Local(name, question, c.Contact.Name, c.Contact.NameEn) is { } n ? FormatContact(c.Contact with { Name = n }) : null,
            },
            TextAnswer t => Local(name, question, t.Value, t.En),
            BoolAnswer b => (b.Value ? Labels.Yes : Labels.No)[language],
            NumberAnswer n => n.Value.ToString("N0", language.Culture()),
            DateAnswer d => Labels.Date(d.Value, language),
            ChoiceAnswer c => question?.Option(c.OptionId)?.Label[language] ?? c.OptionId,
            ListAnswer l => LocalItems(l, name) is { } items ? JoinList(items) : null,
            _ => null,
        };
    }

    /// <summary>The items of a list placeholder, for a bullet that expands to one bullet per item.</summary>
    public IReadOnlyList<string>? ListItems(Placeholder p)
    {
        untranslated = false;
        return p.Field is null && answers.Get(p.Name) is ListAnswer l ? LocalItems(l, p.Name) : null;
    }

    /// <summary>A list's items in the document language: option labels, or texts with the same rule as a text answer.</summary>
    private IReadOnlyList<string>? LocalItems(ListAnswer l, string name)
    {
        var q = library?.Interview.Find(name);
        if (q?.Type == QuestionType.Multi)
        {
            return l.Items.Select(i => q.Option(i)?.Label[language] ?? i).ToList();
        }

        var items = l.Items.Select((item, i) => Local(name, q, item, l.EnglishItem(i))).ToList();
        return items.Any(i => i is null) ? null : items.Select(i => i!).ToList();
    }

    /// <summary>
    /// A free text in the document language: the explicit English text in English, else the plain
    /// text when it is in the document language (or the answer is a name); otherwise null.
    /// </summary>
    private string? Local(string name, Question? question, string plain, string? english)
    {
        if (english is not null)
        {
            return language == Language.En ? english : plain;
        }

        if (language == primary || question is not { NeedsEachLanguage: true })
        {
            return plain;
        }

        untranslated = true;
        return null;
    }

    public string FormatContact(Contact c)
    {
        var details = new[] { c.Email, c.Phone }.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        return details.Count == 0 ? c.Name : $"{c.Name} ({string.Join(", ", details)})";
    }

    public string JoinList(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " " + Labels.And[language] + " " + items[^1],
    };

    public IReadOnlyList<Inline> Fill(TemplateInline inline, string where)
    {
        var result = new List<Inline>(inline.Segments.Count);
        foreach (var segment in inline.Segments)
        {
            switch (segment)
            {
                case Literal l:
                    result.Add(new Inline(l.Text, l.Strong));
                    break;
                case Placeholder p:
                    var text = Text(p);
                    if (text is null && untranslated)
                    {
                        Problems.Add(new AssemblyProblem(
                            "missing-language",
                            new($"{where} gebruikt {p}, maar dat antwoord heeft geen {LanguageName(Language.Nl)} tekst; de tekst wordt niet gemengd met een andere taal",
                                $"{where} uses {p}, but that answer has no {LanguageName(Language.En)} text; the document does not mix languages")));
                        text = string.Empty;
                    }
                    else if (text is null)
                    {
                        Problems.Add(new AssemblyProblem(
                            "missing-answer",
                            new($"{where} gebruikt {p}, maar die vraag is niet beantwoord", $"{where} uses {p}, but that question has no answer")));
                        text = string.Empty;
                    }

                    result.Add(new Inline(text, p.Strong));
                    break;
                case Reference r:
                    var found = (r.Kind == ReferenceKind.Clause ? ClauseNumbers : SectionLabels).TryGetValue(r.Target, out var label);
                    if (!found)
                    {
                        Problems.Add(new AssemblyProblem(
                            "missing-reference",
                            new($"{where} verwijst naar {r}, maar dat onderdeel staat niet in dit protocol", $"{where} refers to {r}, but that part is not in this protocol")));
                    }

                    result.Add(new Inline(label ?? string.Empty, r.Strong));
                    break;
            }
        }

        return result;
    }

    public string FillString(string template, string where) => Fill(BodyParser.ParseInline(template), where).PlainText();

    public IReadOnlyList<Block> Blocks(IReadOnlyList<TemplateBlock> templates, string where)
    {
        var blocks = new List<Block>(templates.Count);
        foreach (var t in templates)
        {
            switch (t.Kind)
            {
                case TemplateBlockKind.Paragraph:
                    blocks.Add(new Paragraph(Fill(t.Rows[0][0], where)));
                    break;
                case TemplateBlockKind.Example:
                    blocks.Add(new Example(Fill(t.Rows[0][0], where)));
                    break;
                case TemplateBlockKind.Bullets:
                    blocks.Add(new BulletList(Items(t, where)));
                    break;
                case TemplateBlockKind.Numbered:
                    blocks.Add(new NumberedList(Items(t, where)));
                    break;
                case TemplateBlockKind.Table:
                    blocks.Add(new Table(t.Rows.Select(r => (IReadOnlyList<IReadOnlyList<Inline>>)r.Select(c => Fill(c, where)).ToList()).ToList()));
                    break;
            }
        }

        return blocks;
    }

    private List<IReadOnlyList<Inline>> Items(TemplateBlock t, string where)
    {
        var items = new List<IReadOnlyList<Inline>>();
        foreach (var row in t.Rows)
        {
            if (row[0].Only is { } p && ListItems(p) is { } list)
            {
                items.AddRange(list.Select(i => (IReadOnlyList<Inline>)[new Inline(i, p.Strong)]));
            }
            else
            {
                items.Add(Fill(row[0], where));
            }
        }

        return items;
    }

    /// <summary>The document language's name in <paramref name="inLanguage"/>: "Engelse" / "English".</summary>
    private string LanguageName(Language inLanguage) => (language, inLanguage) switch
    {
        (Language.En, Language.Nl) => "Engelse",
        (Language.Nl, Language.Nl) => "Nederlandse",
        (Language.En, _) => "English",
        _ => "Dutch",
    };

    public static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
