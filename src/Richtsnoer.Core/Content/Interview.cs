namespace Richtsnoer.Core.Content;

public enum QuestionType
{
    Text,
    Email,
    Date,
    Number,
    YesNo,
    Choice,
    Multi,
    List,
    Contact,
}

public sealed record QuestionOption(string Id, LocalText Label);

/// <summary>One question of the interview: its logic from questions.yaml, its texts from nl/en.yaml.</summary>
public sealed record Question(
    string Id,
    string StepId,
    QuestionType Type,
    bool Required,
    Condition? When,
    IReadOnlyList<QuestionOption> Options,
    RawValue? Default,
    int? MaxLength,
    long? Min,
    long? Max,
    LocalText Label,
    LocalText Help)
{
    /// <summary>The maximum length of a text, e-mail, list item or contact field.</summary>
    /// <summary>
    /// True for answers that are names (an organisation, a cao, a competitor): the same in every
    /// language. Every other free-text answer needs a text in each document language.
    /// </summary>
    public bool LanguageNeutral { get; init; }

    /// <summary>Free text that appears in the document and so must exist in each of its languages.</summary>
    public bool NeedsEachLanguage => !LanguageNeutral && Type is QuestionType.Text or QuestionType.List or QuestionType.Contact;

    public int EffectiveMaxLength => MaxLength ?? (Type == QuestionType.Text ? 500 : 200);

    public QuestionOption? Option(string id) => Options.FirstOrDefault(o => o.Id == id);
}

public sealed record Step(string Id, LocalText Title, IReadOnlyList<Question> Questions);

public sealed record Interview(IReadOnlyList<Step> Steps)
{
    private readonly Dictionary<string, Question> byId =
        Steps.SelectMany(s => s.Questions).ToDictionary(q => q.Id, StringComparer.Ordinal);

    /// <summary>
    /// The questions of the quick start (questions.yaml, <c>quick_start</c>): with these answers and
    /// the sector preset the protocol is complete; every other question refines it.
    /// </summary>
    public IReadOnlyList<string> QuickStart { get; init; } = [];

    /// <summary>The screens of the full interview: every step of questions plus the final check-and-download screen.</summary>
    public int ScreenCount => Steps.Count + 1;

    public IEnumerable<Question> Questions => Steps.SelectMany(s => s.Questions);

    public Question? Find(string id) => byId.GetValueOrDefault(id);
}

/// <summary>
/// An answer before it is checked against its question: what a YAML file or a web form holds.
/// </summary>
public abstract record RawValue
{
    public sealed record Scalar(string Value) : RawValue;

    /// <summary>A list; <see cref="En"/> holds an English text per item where one was given (<c>- {nl: ..., en: ...}</c>).</summary>
    public sealed record Sequence(IReadOnlyList<string> Items, IReadOnlyList<string?>? En = null) : RawValue;

    public sealed record Map(IReadOnlyDictionary<string, string> Fields) : RawValue;
}
