using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Core.Assembly;

/// <summary>
/// A group of clauses that are alternatives of each other (front matter <c>alternative:</c>).
/// When <see cref="Question"/> is set, every member answers that question (<c>sets_answer: true</c>):
/// the variant is the answer, and choosing it changes the answer.
/// </summary>
public sealed record VariantGroup(string Key, IReadOnlyList<ClauseTemplate> Members, Question? Question)
{
    public bool SetsAnswer => Question is not null;

    /// <summary>The option of <see cref="Question"/> a member stands for (its <c>when: {question, equals}</c>).</summary>
    public static string? ValueOf(ClauseTemplate member) => member.SetsAnswer && member.When is Condition.EqualsValue e ? e.Value : null;
}

/// <summary>What choosing a variant did: the new answers, and which answer changed (null when it was an override).</summary>
public sealed record VariantChoice(AnswerSet Answers, string? ChangedQuestion);

/// <summary>
/// Which variants are offered for a set of answers, and what choosing one does. A variant that
/// stands for an answer is chosen by changing that answer; another variant overrides the answers
/// only when its own condition holds, so no choice can contradict an answer (or drop a sentence
/// that an answer makes necessary, such as the works council's consent).
/// </summary>
public static class Variants
{
    public static IReadOnlyList<VariantGroup> Groups(ContentLibrary library) =>
        library.AlternativeGroups.Select(g => Group(library, g.Key)!).ToList();

    public static VariantGroup? Group(ContentLibrary library, string? key)
    {
        var members = library.Clauses.Where(c => c.Alternative is not null && c.Alternative == key)
            .OrderBy(m => m.Order).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        if (members.Count == 0)
        {
            return null;
        }

        var question = members.All(m => m.SetsAnswer) && members.Select(m => (m.When as Condition.EqualsValue)?.Question).Distinct().ToList() is [{ } qid]
            ? library.Interview.Find(qid)
            : null;
        return new VariantGroup(key!, members, question);
    }

    public static VariantGroup? GroupOf(ContentLibrary library, string clauseId) =>
        library.Clause(clauseId)?.Alternative is { } key ? Group(library, key) : null;

    /// <summary>True when the member's condition holds for these (effective) answers, or it has none.</summary>
    public static bool Fits(ClauseTemplate member, AnswerSet effective) => member.When?.Holds(effective) ?? true;

    /// <summary>The member the answers select when nothing is overridden: the first whose condition holds.</summary>
    public static ClauseTemplate? Fitting(VariantGroup group, AnswerSet effective) => group.Members.FirstOrDefault(m => Fits(m, effective));

    /// <summary>
    /// The variants the organisation may choose between. For a group that sets an answer: every
    /// member, as long as its question is asked at all. Otherwise: the members whose condition
    /// holds for the answers; one that contradicts an answer is not offered.
    /// </summary>
    public static IReadOnlyList<ClauseTemplate> Offered(ContentLibrary library, AnswerSet answers, string key)
    {
        if (Group(library, key) is not { } group)
        {
            return [];
        }

        var effective = AnswerDefaults.Apply(Follow(answers, key), library);
        if (group.Question is { } q)
        {
            return (q.When?.Holds(effective) ?? true) ? group.Members.Where(m => q.Option(VariantGroup.ValueOf(m)!) is not null || q.Type == QuestionType.YesNo).ToList() : [];
        }

        return group.Members.Where(m => Fits(m, effective)).ToList();
    }

    /// <summary>The member the organisation chose itself (an override still in force), or null when the answers decide.</summary>
    public static ClauseTemplate? Fixed(ContentLibrary library, AnswerSet answers, string key) =>
        Group(library, key) is { SetsAnswer: false } group && answers.Customisations.Alternatives.TryGetValue(key, out var id)
            ? group.Members.FirstOrDefault(m => m.Id == id)
            : null;

    /// <summary>
    /// Chooses a variant. One that stands for an answer sets that answer (and removes any override
    /// of the group); another is kept as an override, unless it is the one the answers select
    /// anyway. Null when the variant is not offered for these answers.
    /// </summary>
    public static VariantChoice? Choose(ContentLibrary library, AnswerSet answers, string key, string clauseId)
    {
        if (Group(library, key) is not { } group || Offered(library, answers, key).FirstOrDefault(m => m.Id == clauseId) is not { } member)
        {
            return null;
        }

        var followed = Follow(answers, key);
        if (group.Question is { } q)
        {
            var value = VariantGroup.ValueOf(member)!;
            AnswerValue answer = q.Type == QuestionType.YesNo ? new BoolAnswer(value == "true") : new ChoiceAnswer(value);
            var changed = !Equals(AnswerDefaults.Apply(followed, library).Get(q.Id), answer);
            return new VariantChoice(followed.With(q.Id, answer), changed ? q.Id : null);
        }

        if (Fitting(group, AnswerDefaults.Apply(followed, library))?.Id == member.Id)
        {
            return new VariantChoice(followed, null);
        }

        var alternatives = new Dictionary<string, string>(answers.Customisations.Alternatives, StringComparer.Ordinal) { [key] = member.Id };
        return new VariantChoice(answers with { Customisations = answers.Customisations with { Alternatives = alternatives } }, null);
    }

    /// <summary>The answers without an override for this group: the answers decide again.</summary>
    public static AnswerSet Follow(AnswerSet answers, string key)
    {
        if (!answers.Customisations.Alternatives.ContainsKey(key))
        {
            return answers;
        }

        var alternatives = answers.Customisations.Alternatives.Where(kv => kv.Key != key).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return answers with { Customisations = answers.Customisations with { Alternatives = alternatives } };
    }

    /// <summary>
    /// An answers file may still choose a variant that stands for an answer under
    /// <c>alternatives:</c>. It becomes that answer when the question is not answered in the file,
    /// and disappears when the answer is the same. One that differs from the answer stays, so
    /// that validation reports the contradiction.
    /// </summary>
    public static AnswerSet AsAnswers(ContentLibrary library, AnswerSet answers)
    {
        var result = answers;
        foreach (var (key, id) in answers.Customisations.Alternatives)
        {
            if (Group(library, key) is not { Question: { } q } group || group.Members.FirstOrDefault(m => m.Id == id) is not { } member)
            {
                continue;
            }

            var value = VariantGroup.ValueOf(member)!;
            AnswerValue answer = q.Type == QuestionType.YesNo ? new BoolAnswer(value == "true") : new ChoiceAnswer(value);
            if (answers.Get(q.Id) is not { } given)
            {
                result = Follow(result, key).With(q.Id, answer);
            }
            else if (Equals(given, answer))
            {
                result = Follow(result, key);
            }
        }

        return result;
    }

    /// <summary>Why an override contradicts the answers, or null when it does not.</summary>
    public static LocalText? Contradiction(ContentLibrary library, AnswerSet effective, string key, string clauseId)
    {
        if (Group(library, key) is not { } group || group.Members.FirstOrDefault(m => m.Id == clauseId) is not { } member || Fits(member, effective))
        {
            return null;
        }

        if (group.Question is { } q)
        {
            var value = VariantGroup.ValueOf(member)!;
            return new(
                $"deze variant is het antwoord '{OptionLabel(q, value).Nl}' op '{q.Label.Nl}', maar dat antwoord is anders; wijzig het antwoord, niet de variant",
                $"this variant is the answer '{OptionLabel(q, value).En}' to '{q.Label.En}', but that answer is different; change the answer, not the variant");
        }

        var questions = string.Join(", ", member.When!.Questions().Distinct());
        return new(
            $"'{member.Label?.Nl ?? member.Id}' past niet bij de antwoorden op {questions}, dus deze variant kan niet worden gekozen",
            $"'{member.Label?.En ?? member.Id}' does not fit the answers to {questions}, so this variant cannot be chosen");
    }

    /// <summary>The label of an option in both languages (yes/no for a yes/no question).</summary>
    public static LocalText OptionLabel(Question q, string value) =>
        q.Option(value)?.Label ?? (q.Type == QuestionType.YesNo ? (value == "true" ? Labels.Yes : Labels.No) : new LocalText(value, value));
}
