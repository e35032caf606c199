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

    /// <summary>The value of a placeholder as text, or null when the answer is missing.</summary>
    public string? Text(Placeholder p)
    {
        if (p.Name == "org_short")
        {
            return answers.List("org_short_names").FirstOrDefault() ?? answers.Text("org_name");
        }

        var value = answers.Get(p.Name) ?? (p.Name == "doubt_contact" ? answers.Get("escalation_contact") : null);
        var question = library?.Interview.Find(p.Name);
        return value switch
        {
            null => null,
            ContactAnswer c => p.Field switch
            {
                "name" => c.Contact.Name,
                "email" => c.Contact.Email,
                "phone" => c.Contact.Phone,
                _ => FormatContact(c.Contact),
            },
            TextAnswer t => t.For(language),
            BoolAnswer b => (b.Value ? Labels.Yes : Labels.No)[language],
            NumberAnswer n => n.Value.ToString("N0", language.Culture()),
            DateAnswer d => Labels.Date(d.Value, language),
            ChoiceAnswer c => question?.Option(c.OptionId)?.Label[language] ?? c.OptionId,
            ListAnswer l => JoinList(Items(l, question)),
            _ => null,
        };
    }

    /// <summary>The items of a list placeholder, for a bullet that expands to one bullet per item.</summary>
    public IReadOnlyList<string>? ListItems(Placeholder p) =>
        p.Field is null && answers.Get(p.Name) is ListAnswer l ? Items(l, library?.Interview.Find(p.Name)) : null;

    private IReadOnlyList<string> Items(ListAnswer l, Question? q) =>
        q?.Type == QuestionType.Multi ? l.Items.Select(i => q.Option(i)?.Label[language] ?? i).ToList() : l.Items;

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
                    if (text is null)
                    {
                        Problems.Add(new AssemblyProblem(
                            "missing-answer",
                            new($"{where} gebruikt {p}, maar die vraag is niet beantwoord", $"{where} uses {p}, but that question has no answer")));
                        text = string.Empty;
                    }

                    result.Add(new Inline(text, p.Strong));
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

    public static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
