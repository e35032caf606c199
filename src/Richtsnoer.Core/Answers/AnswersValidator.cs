using Richtsnoer.Core.Content;

namespace Richtsnoer.Core.Answers;

/// <summary>A problem with one field of the answers; Line is 0 when the answers did not come from a file.</summary>
public sealed record AnswerError(string Field, string Code, LocalText Message, string? File = null, long Line = 0)
{
    public string Format(Language language)
    {
        var place = File is null ? "" : Line > 0 ? $"{File}:{Line}: " : $"{File}: ";
        return $"{place}{Field}: {Message[language]}";
    }
}

public static class AnswersValidator
{
    /// <summary>
    /// Checks what the interview requires of answers that already have their defaults applied:
    /// required questions whose condition holds must have an answer; customisations must name
    /// existing clauses, alternatives, sections and topics.
    /// </summary>
    public static IReadOnlyList<AnswerError> Validate(AnswerSet effective, ContentLibrary library, string? stepId = null)
    {
        var errors = new List<AnswerError>();
        foreach (var q in library.Interview.Questions.Where(q => stepId is null || q.StepId == stepId))
        {
            var applies = q.When?.Holds(effective) ?? true;
            if (applies && q.Required && !effective.Has(q.Id))
            {
                errors.Add(new AnswerError(q.Id, "required", new("dit antwoord is verplicht", "this answer is required")));
            }
        }

        if (stepId is null)
        {
            ValidateCustomisations(effective.Customisations, library, errors);
            foreach (var (group, clauseId) in effective.Customisations.Alternatives)
            {
                if (Assembly.Variants.Contradiction(library, effective, group, clauseId) is { } why)
                {
                    errors.Add(new AnswerError($"alternatives.{group}", "alternative-contradicts", why));
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// Free-text answers that appear in the protocol but have no text in one of its languages.
    /// A plain text counts as written in the first of <c>languages</c>; a protocol in two
    /// languages needs the other one too (<c>{nl: ..., en: ...}</c>, per list item, or a
    /// contact's <c>name_en</c>), because the assembler never prints one language inside the other.
    /// </summary>
    public static IReadOnlyList<AnswerError> Languages(AnswerSet effective, ContentLibrary library)
    {
        var languages = effective.List("languages");
        if (!(languages.Contains("nl") && languages.Contains("en")))
        {
            return Assembly.Translations.Errors(library, effective);
        }

        var missing = languages[0] == "en" ? new LocalText("Nederlandse", "Dutch") : new LocalText("Engelse", "English");
        var errors = new List<AnswerError>();
        foreach (var q in library.Interview.Questions.Where(q => q.NeedsEachLanguage && (q.When?.Holds(effective) ?? true)))
        {
            var fields = effective.Get(q.Id) switch
            {
                TextAnswer { En: null } => [q.Id],
                ListAnswer l => Enumerable.Range(0, l.Items.Count).Where(i => l.EnglishItem(i) is null).Select(i => $"{q.Id}[{i + 1}]").ToList(),
                ContactAnswer { Contact.NameEn: null } => [$"{q.Id}.name"],
                _ => new List<string>(),
            };
            foreach (var field in fields)
            {
                var how = q.Type switch
                {
                    QuestionType.List => ("schrijf het item als {nl: ..., en: ...}", "write the item as {nl: ..., en: ...}"),
                    QuestionType.Contact => ("vul ook name_en in", "fill in name_en as well"),
                    _ => ("schrijf {nl: ..., en: ...}", "write {nl: ..., en: ...}"),
                };
                errors.Add(new AnswerError(field, "missing-language", new(
                    $"het protocol is ook in het {(missing.Nl == "Engelse" ? "Engels" : "Nederlands")}, maar dit antwoord heeft geen {missing.Nl} tekst; {how.Item1}",
                    $"the protocol is also in {missing.En}, but this answer has no {missing.En} text; {how.Item2}")));
            }
        }

        // Adaptations and own clauses need a text in every language of the protocol too.
        errors.AddRange(Assembly.Translations.Errors(library, effective));
        return errors;
    }

    private static void ValidateCustomisations(Customisations c, ContentLibrary library, List<AnswerError> errors)
    {
        foreach (var (group, clauseId) in c.Alternatives)
        {
            var members = library.AlternativeGroups.FirstOrDefault(g => g.Key == group);
            if (members is null)
            {
                errors.Add(new AnswerError($"alternatives.{group}", "unknown-alternative", new($"'{AnswerConverter.Short(group)}' is geen groep van alternatieven", $"'{AnswerConverter.Short(group)}' is not a group of alternatives")));
            }
            else if (members.All(m => m.Id != clauseId))
            {
                var ids = string.Join(", ", members.Select(m => m.Id));
                errors.Add(new AnswerError($"alternatives.{group}", "unknown-clause", new($"'{AnswerConverter.Short(clauseId)}' hoort niet bij deze groep; kies uit: {ids}", $"'{AnswerConverter.Short(clauseId)}' is not in this group; choose from: {ids}")));
            }
        }

        foreach (var a in c.Adapted)
        {
            if (library.Clause(a.ClauseId) is null)
            {
                errors.Add(new AnswerError($"adapted_clauses.{AnswerConverter.Short(a.ClauseId)}", "unknown-clause", new("deze bepaling bestaat niet in de bibliotheek", "this clause does not exist in the library")));
            }

            CheckText(a.Nl, $"adapted_clauses.{a.ClauseId}.nl", errors);
            CheckText(a.En, $"adapted_clauses.{a.ClauseId}.en", errors);
        }

        foreach (var (custom, i) in c.Custom.Select((x, i) => (x, i)))
        {
            var field = $"custom_clauses[{i + 1}]";
            if (library.Section(custom.SectionId) is null)
            {
                var ids = string.Join(", ", library.Sections.Select(s => s.Id));
                errors.Add(new AnswerError($"{field}.section", "unknown-section", new($"'{AnswerConverter.Short(custom.SectionId)}' is geen hoofdstuk; kies uit: {ids}", $"'{AnswerConverter.Short(custom.SectionId)}' is not a section; choose from: {ids}")));
            }

            foreach (var t in custom.Topics.Where(t => library.Topic(t) is null))
            {
                errors.Add(new AnswerError($"{field}.topics", "unknown-topic", new($"'{AnswerConverter.Short(t)}' is geen onderwerp", $"'{AnswerConverter.Short(t)}' is not a topic")));
            }

            if (custom.Nl is null && custom.En is null)
            {
                errors.Add(new AnswerError(field, "required", new("een eigen bepaling heeft een Nederlandse of Engelse tekst nodig", "an own clause needs a Dutch or English text")));
            }

            CheckText(custom.Nl, $"{field}.nl", errors);
            CheckText(custom.En, $"{field}.en", errors);
        }
    }

    public const int MaxClauseTitle = 200;
    public const int MaxClauseBody = 20_000;

    private static void CheckText(ClauseText? text, string field, List<AnswerError> errors)
    {
        if (text is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(text.Title) || string.IsNullOrWhiteSpace(text.Body))
        {
            errors.Add(new AnswerError(field, "required", new("titel en tekst zijn allebei nodig", "both a title and a text are needed")));
        }

        if (AnswerConverter.CheckText(text.Title, MaxClauseTitle) is { } pt)
        {
            errors.Add(new AnswerError(field + ".title", pt.Code, pt.Message));
        }

        if (AnswerConverter.CheckText(text.Body, MaxClauseBody) is { } pb)
        {
            errors.Add(new AnswerError(field + ".text", pb.Code, pb.Message));
        }
    }
}

public static class AnswerDefaults
{
    /// <summary>
    /// The answers the protocol is built from: what the user answered, else the sector preset,
    /// else the question's default. A preset never overrides an answer, and it never ticks the
    /// options of a multiple-choice question (which roles the organisation has): those it only
    /// proposes, see <see cref="Suggested"/>.
    /// </summary>
    public static AnswerSet Apply(AnswerSet answers, ContentLibrary library)
    {
        // An explicitly empty list ("no roles") is an answer too: a preset must not fill it.
        var values = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var (k, v) in answers.Values.Where(kv => !kv.Value.IsEmpty || kv.Value is ListAnswer))
        {
            values[k] = v;
        }

        var preset = answers.Choice("sector") is { } sector && library.Presets.TryGetValue(sector, out var p) ? p : null;
        foreach (var q in library.Interview.Questions.Where(q => !values.ContainsKey(q.Id)))
        {
            var raw = preset is not null && q.Type != QuestionType.Multi && preset.TryGetValue(q.Id, out var pv) ? pv : q.Default;
            if (AnswerConverter.Convert(q, raw).Value is { } value)
            {
                values[q.Id] = value;
            }
        }

        return new AnswerSet(values, answers.Customisations);
    }

    /// <summary>The options the sector preset proposes for a multiple-choice question, without ticking them.</summary>
    public static IReadOnlyList<string> Suggested(Question question, AnswerSet answers, ContentLibrary library) =>
        question.Type == QuestionType.Multi
            && answers.Choice("sector") is { } sector
            && library.Presets.TryGetValue(sector, out var preset)
            && preset.TryGetValue(question.Id, out var raw)
            && raw is RawValue.Sequence seq
            ? seq.Items.Where(i => question.Option(i) is not null).ToList()
            : [];
}
