using System.Globalization;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Interview;

/// <summary>One question as the form shows it: its current value, where that came from, its error.</summary>
public sealed class FieldView(Question question)
{
    public Question Question { get; } = question;

    public string Id => "q-" + Question.Id;

    public string Name => "q." + Question.Id;

    /// <summary>The value of a single-value field, or the lines of a list.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The English text (or lines) of a free-text answer, for a protocol in Dutch and English.</summary>
    public string TextEn { get; set; } = string.Empty;

    /// <summary>
    /// The protocol is also in English and this answer appears in it: the form asks for the
    /// English text too, because the assembler never prints Dutch inside English (decision 020).
    /// </summary>
    public bool AskEnglish { get; set; }

    public HashSet<string> Selected { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Contact { get; } = new(StringComparer.Ordinal);

    public AnswerProblem? Problem { get; set; }

    public bool Required { get; set; }

    public bool Visible { get; set; } = true;

    /// <summary>The value was proposed by the sector preset, not typed by the user.</summary>
    public bool FromPreset { get; set; }

    /// <summary>Options the sector preset proposes for a multiple-choice question; shown, never ticked.</summary>
    public IReadOnlyList<QuestionOption> Suggested { get; set; } = [];

    public string ContactValue(string field) => Contact.GetValueOrDefault(field) ?? string.Empty;

    /// <summary>Whether this field's error belongs to a contact's subfield.</summary>
    public bool ProblemOn(string? subField) => Problem is not null && (Problem.SubField ?? "name") == (subField ?? "name");
}

/// <summary>What one post of a step contained: the values that are valid and the problems of the others.</summary>
public sealed class PostedStep
{
    public Dictionary<string, AnswerValue?> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RawValue> Raw { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AnswerProblem> Problems { get; } = new(StringComparer.Ordinal);

    /// <summary>The questions the user could see when the form was rendered.</summary>
    public HashSet<string> Shown { get; } = new(StringComparer.Ordinal);

    /// <summary>The stored answers with this step's valid values put in.</summary>
    public AnswerSet ApplyTo(AnswerSet answers)
    {
        foreach (var (id, value) in Values)
        {
            answers = answers.With(id, value);
        }

        return answers;
    }
}

/// <summary>
/// Reads and fills the wizard's form for one step. Every value goes through Core's
/// <see cref="AnswerConverter"/>, the same check the CLI applies to an answers file.
/// </summary>
public static class InterviewForm
{
    public static readonly string[] ContactFields = ["name", "name_en", "email", "phone"];

    public static PostedStep Read(Step step, IFormCollection form)
    {
        var posted = new PostedStep();
        foreach (var id in (form["shown"].ToString() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            posted.Shown.Add(id);
        }

        foreach (var q in step.Questions)
        {
            var raw = Raw(q, form);
            posted.Raw[q.Id] = raw;
            var (value, problem) = AnswerConverter.Convert(q, raw);
            if (problem is not null)
            {
                posted.Problems[q.Id] = problem;
            }
            else
            {
                posted.Values[q.Id] = value;
            }
        }

        return posted;
    }

    private static RawValue Raw(Question q, IFormCollection form)
    {
        var name = "q." + q.Id;
        switch (q.Type)
        {
            case QuestionType.Multi:
                return new RawValue.Sequence(form[name].Where(v => v is not null).Select(v => v!).ToList());
            case QuestionType.List:
                var items = FormText.Lines(form[name].ToString()).Split('\n');
                if (!form.ContainsKey(name + ".en"))
                {
                    return new RawValue.Sequence(items);
                }

                // One English line per Dutch line, in the same order.
                var english = FormText.Lines(form[name + ".en"].ToString()).Split('\n');
                return new RawValue.Sequence(items, items.Select((_, i) => i < english.Length && english[i].Trim().Length > 0 ? english[i] : null).ToList());
            case QuestionType.Contact:
                return new RawValue.Map(ContactFields.ToDictionary(f => f, f => FormText.Lines(form[name + "." + f].ToString()), StringComparer.Ordinal));
            case QuestionType.Text when FormText.Lines(form[name + ".en"].ToString()).Trim().Length > 0:
                return new RawValue.Map(new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["nl"] = FormText.Lines(form[name].ToString()),
                    ["en"] = FormText.Lines(form[name + ".en"].ToString()),
                });
            default:
                return new RawValue.Scalar(FormText.Lines(form[name].ToString()));
        }
    }

    /// <summary>The fields of a step: from what was just posted, else from the stored answers with presets and defaults.</summary>
    public static IReadOnlyList<FieldView> Fields(Step step, AnswerSet answers, ContentLibrary library, PostedStep? posted = null, IReadOnlyList<AnswerError>? required = null)
    {
        var effective = AnswerDefaults.Apply(answers, library);
        var preset = answers.Choice("sector") is { } sector && library.Presets.TryGetValue(sector, out var p) ? p : null;
        var languages = effective.List("languages");
        var bilingual = languages.Count > 1 && languages[0] == "nl" && languages.Contains("en");
        var fields = new List<FieldView>();
        foreach (var q in step.Questions)
        {
            var applies = q.When?.Holds(effective) ?? true;
            var field = new FieldView(q)
            {
                Visible = applies,
                Required = q.Required,
                FromPreset = !answers.Has(q.Id) && preset?.ContainsKey(q.Id) == true && effective.Has(q.Id),
                AskEnglish = bilingual && q.NeedsEachLanguage,
                Suggested = AnswerDefaults.Suggested(q, answers, library).Select(q.Option).OfType<QuestionOption>().ToList(),
            };
            if (posted is not null && posted.Raw.TryGetValue(q.Id, out var raw) && posted.Problems.ContainsKey(q.Id))
            {
                Fill(field, raw);
            }
            else
            {
                Fill(field, effective.Get(q.Id));
            }

            field.Problem = posted?.Problems.GetValueOrDefault(q.Id)
                ?? required?.Where(e => e.Field == q.Id).Select(e => new AnswerProblem(e.Code, e.Message)).FirstOrDefault();
            fields.Add(field);
        }

        return fields;
    }

    private static void Fill(FieldView field, RawValue raw)
    {
        switch (raw)
        {
            case RawValue.Scalar s:
                field.Text = s.Value;
                break;
            case RawValue.Sequence seq when field.Question.Type == QuestionType.Multi:
                field.Selected.UnionWith(seq.Items);
                break;
            case RawValue.Sequence seq:
                field.Text = string.Join('\n', seq.Items);
                field.TextEn = seq.En is null ? string.Empty : string.Join('\n', seq.En.Select(e => e ?? string.Empty));
                break;
            case RawValue.Map map when field.Question.Type == QuestionType.Text:
                field.Text = map.Fields.GetValueOrDefault("nl") ?? string.Empty;
                field.TextEn = map.Fields.GetValueOrDefault("en") ?? string.Empty;
                break;
            case RawValue.Map map:
                foreach (var (k, v) in map.Fields)
                {
                    field.Contact[k] = v;
                }

                break;
        }
    }

    private static void Fill(FieldView field, AnswerValue? value)
    {
        switch (value)
        {
            case null:
                break;
            case TextAnswer t:
                field.Text = t.Value;
                field.TextEn = t.En ?? string.Empty;
                break;
            case NumberAnswer n:
                field.Text = n.Value.ToString(CultureInfo.InvariantCulture);
                break;
            case DateAnswer d:
                field.Text = d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case BoolAnswer b:
                field.Text = b.Value ? "true" : "false";
                break;
            case ChoiceAnswer c:
                field.Text = c.OptionId;
                break;
            case ListAnswer l when field.Question.Type == QuestionType.Multi:
                field.Selected.UnionWith(l.Items);
                break;
            case ListAnswer l:
                field.Text = string.Join('\n', l.Items);
                field.TextEn = l.En is null ? string.Empty : string.Join('\n', l.Items.Select((_, i) => l.EnglishItem(i) ?? string.Empty));
                break;
            case ContactAnswer c:
                field.Contact["name"] = c.Contact.Name;
                field.Contact["name_en"] = c.Contact.NameEn ?? string.Empty;
                field.Contact["email"] = c.Contact.Email ?? string.Empty;
                field.Contact["phone"] = c.Contact.Phone ?? string.Empty;
                break;
        }
    }

    /// <summary>Questions of the step whose condition does not hold for these answers.</summary>
    public static IEnumerable<string> Hidden(Step step, AnswerSet answers, ContentLibrary library)
    {
        var effective = AnswerDefaults.Apply(answers, library);
        return step.Questions.Where(q => !(q.When?.Holds(effective) ?? true)).Select(q => q.Id);
    }

    /// <summary>
    /// A line of an error summary: the question, then the problem. A label that already ends in
    /// a question mark or colon gets no colon of its own ("…loopt? Dit antwoord is verplicht.").
    /// </summary>
    public static string SummaryLine(string label, AnswerProblem problem, Language language)
    {
        var trimmed = label.TrimEnd();
        var separator = trimmed.Length > 0 && trimmed[^1] is '?' or ':' or '.' or '!' ? " " : ": ";
        return trimmed + separator + ProblemText(problem, language);
    }

    /// <summary>
    /// A help text as the form shows it: the first sentence always, the rest behind "meer".
    /// A sentence ends at . ! or ? followed by a space and a capital (or an opening quote).
    /// </summary>
    public static (string First, string More) HelpParts(string help)
    {
        var text = help.Trim();
        for (var i = 0; i < text.Length - 2; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && (char.IsUpper(text[i + 2]) || text[i + 2] is '"' or '\''))
            {
                return (text[..(i + 1)], text[(i + 2)..].Trim());
            }
        }

        return (text, string.Empty);
    }

    public static string ProblemText(AnswerProblem problem, Language language)
    {
        var message = problem.Message[language];
        return message.Length == 0 ? message : char.ToUpper(message[0], CultureInfo.InvariantCulture) + message[1..] + (message.EndsWith('.') ? "" : ".");
    }
}
