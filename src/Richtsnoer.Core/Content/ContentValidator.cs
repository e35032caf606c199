using Richtsnoer.Core.Answers;

namespace Richtsnoer.Core.Content;

/// <summary>Cross-checks a loaded library: every reference to a question, option, topic, section or variable exists.</summary>
internal sealed class ContentValidator(ContentLibrary library, List<ContentError> errors)
{
    /// <summary>Variables the assembler provides besides the questions.</summary>
    public static readonly IReadOnlySet<string> DerivedVariables = new HashSet<string>(StringComparer.Ordinal) { "org_short" };

    private void Error(string file, string message) => errors.Add(new ContentError(file, 0, message));

    public void Validate()
    {
        Unique(library.Topics.Select(t => t.Key), "content/topics.yaml", "topic key");
        Unique(library.Topics.Select(t => t.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), "content/topics.yaml", "topic number");
        Unique(library.Sections.Select(s => s.Id), "content/sections.yaml", "section id");
        Unique(library.Interview.Questions.Select(q => q.Id), "content/interview/questions.yaml", "question id");
        Unique(library.Clauses.Select(c => c.Id), "content/clauses", "clause id");
        Unique(library.SummaryRules.Select(r => r.Id), "content/summary.yaml", "summary rule id");
        ValidateQuestions();
        ValidatePresets();
        ValidateClauses();
        ValidateSummary();
        ValidateGuide();
    }

    private void Unique(IEnumerable<string> ids, string file, string what)
    {
        foreach (var dup in ids.GroupBy(i => i).Where(g => g.Count() > 1))
        {
            Error(file, $"{what} '{dup.Key}' is used {dup.Count()} times");
        }
    }

    private void ValidateQuestions()
    {
        const string file = "content/interview/questions.yaml";
        foreach (var q in library.Interview.Questions)
        {
            Unique(q.Options.Select(o => o.Id), file, $"option of '{q.Id}'");
            if (q.When is not null)
            {
                CheckCondition(q.When, file, $"question '{q.Id}'");
            }

            if (q.Default is not null && AnswerConverter.Convert(q, q.Default).Problem is { } p)
            {
                Error(file, $"the default of '{q.Id}' is invalid: {p.Message.En}");
            }
        }

        Unique(library.Interview.QuickStart, file, "quick_start question");
        foreach (var id in library.Interview.QuickStart.Where(id => library.Interview.Find(id) is null))
        {
            Error(file, $"quick_start names '{id}', which is not a question");
        }

        // Whatever the quick start leaves out must have a default or come from the sector preset.
        foreach (var q in library.Interview.Questions.Where(q => library.Interview.QuickStart.Count > 0 && q.Required && q.When is null && q.Default is null && !library.Interview.QuickStart.Contains(q.Id)))
        {
            Error(file, $"question '{q.Id}' is required without a default, so the quick start must ask it");
        }
    }

    private void ValidatePresets()
    {
        const string file = "content/presets.yaml";
        var sector = library.Interview.Find("sector");
        foreach (var (name, values) in library.Presets)
        {
            if (sector is not null && sector.Option(name) is null)
            {
                Error(file, $"preset '{name}' is not an option of question 'sector'");
            }

            foreach (var (qid, raw) in values)
            {
                if (library.Interview.Find(qid) is { } q && AnswerConverter.Convert(q, raw).Problem is { } p)
                {
                    Error(file, $"preset '{name}' gives '{qid}' an invalid value: {p.Message.En}");
                }
            }
        }
    }

    private void ValidateClauses()
    {
        var topicKeys = library.Topics.Select(t => t.Key).ToHashSet();
        foreach (var c in library.Clauses)
        {
            var file = "content/" + c.SourceFile.Replace('\\', '/');
            if (library.Section(c.SectionId) is null)
            {
                Error(file, $"section '{c.SectionId}' does not exist in sections.yaml");
            }

            if (c.Topics.Count == 0)
            {
                Error(file, "a clause covers at least one topic");
            }

            foreach (var t in c.Topics.Where(t => !topicKeys.Contains(t)))
            {
                Error(file, $"topic '{t}' does not exist in topics.yaml");
            }

            if (c.When is not null)
            {
                CheckCondition(c.When, file, $"clause '{c.Id}'");
            }

            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var body in new[] { c.Nl, c.En }.OfType<ClauseBody>())
            {
                foreach (var p in body.Placeholders())
                {
                    used.Add(p.Name);
                    CheckPlaceholder(p, file);
                }

                foreach (var r in body.References())
                {
                    CheckReference(r, file);
                }
            }

            foreach (var missing in used.Except(c.Variables))
            {
                Error(file, $"'{{{{{missing}}}}}' is used but not declared in 'variables'");
            }

            foreach (var unused in c.Variables.Except(used).Where(_ => c.Generator == ClauseGenerator.None))
            {
                Error(file, $"variable '{unused}' is declared but never used");
            }
        }

        foreach (var group in library.AlternativeGroups)
        {
            ValidateVariants(group.Key, group.ToList());
        }

        foreach (var c in library.Clauses.Where(c => c.Alternative is null && (c.SetsAnswer || c.Label is not null || c.Description is not null)))
        {
            Error("content/" + c.SourceFile, "'sets_answer', 'label' and 'description' belong to a clause with an 'alternative' group");
        }

        foreach (var topic in library.Topics.Where(t => !library.Clauses.Any(c => c.Topics.Contains(t.Key))))
        {
            Error("content/clauses", $"no clause covers topic {topic.Number} '{topic.Key}'");
        }
    }

    /// <summary>
    /// The members of an alternative group: each has its own label and one-line description in
    /// both languages, the labels differ; a group that sets an answer names one choice or yes/no
    /// question with a different option per member.
    /// </summary>
    private void ValidateVariants(string key, List<ClauseTemplate> members)
    {
        string File(ClauseTemplate c) => "content/" + c.SourceFile.Replace('\\', '/');
        foreach (var c in members.Where(c => c.Label is null || c.Description is null))
        {
            Error(File(c), $"clause '{c.Id}' of alternative '{key}' needs a 'label' and a 'description', each as {{nl: ..., en: ...}}");
        }

        foreach (var (language, pick) in new (string, Func<LocalText, string>)[] { ("nl", l => l.Nl), ("en", l => l.En) })
        {
            foreach (var dup in members.Where(c => c.Label is not null).GroupBy(c => pick(c.Label!).ToLowerInvariant()).Where(g => g.Count() > 1))
            {
                Error(File(dup.First()), $"alternative '{key}': the {language} label '{pick(dup.First().Label!)}' is used by {string.Join(", ", dup.Select(c => c.Id))}; every variant needs its own");
            }
        }

        if (members.Any(c => c.SetsAnswer) && members.Any(c => !c.SetsAnswer))
        {
            Error(File(members[0]), $"alternative '{key}': 'sets_answer: true' on some clauses but not on all");
            return;
        }

        if (!members[0].SetsAnswer)
        {
            if (members.Count(c => c.When is null) > 1)
            {
                Error(File(members[0]), $"alternative '{key}': at most one clause may go without a 'when' condition");
            }

            return;
        }

        var questions = members.Select(c => c.When as Condition.EqualsValue).ToList();
        foreach (var (c, e) in members.Zip(questions).Where(x => x.Second is null))
        {
            Error(File(c), $"clause '{c.Id}' sets an answer, so its 'when' is one question and one value: {{question: ..., equals: ...}}");
        }

        if (questions.Any(e => e is null))
        {
            return;
        }

        if (questions.Select(e => e!.Question).Distinct().Count() > 1)
        {
            Error(File(members[0]), $"alternative '{key}': every clause that sets an answer names the same question");
        }
        else if (library.Interview.Find(questions[0]!.Question) is { } q && q.Type is not (QuestionType.Choice or QuestionType.YesNo))
        {
            Error(File(members[0]), $"alternative '{key}': only a choice or yes/no question can be set by a variant, and '{q.Id}' is neither");
        }

        foreach (var dup in questions.GroupBy(e => e!.Value).Where(g => g.Count() > 1))
        {
            Error(File(members[0]), $"alternative '{key}': two clauses set '{dup.First()!.Question}' to '{dup.Key}'");
        }
    }

    private void CheckPlaceholder(Placeholder p, string file)
    {
        if (DerivedVariables.Contains(p.Name))
        {
            if (p.Field is not null)
            {
                Error(file, $"'{p}' has no field '{p.Field}'");
            }

            return;
        }

        if (library.Interview.Find(p.Name) is not { } q)
        {
            Error(file, $"'{p}' is not a question or a derived variable");
            return;
        }

        if (p.Field is not null && (q.Type != QuestionType.Contact || p.Field is not ("name" or "email" or "phone")))
        {
            Error(file, $"'{p}': only contact questions have the fields name, email and phone");
        }
    }

    private void CheckReference(Reference r, string file)
    {
        var exists = r.Kind == ReferenceKind.Clause ? library.Clause(r.Target) is not null : library.Section(r.Target) is not null;
        if (!exists)
        {
            Error(file, $"'{r}' refers to a {(r.Kind == ReferenceKind.Clause ? "clause" : "section")} that does not exist");
        }
    }

    private void CheckCondition(Condition condition, string file, string where)
    {
        switch (condition)
        {
            case Condition.All all:
                all.Parts.ToList().ForEach(p => CheckCondition(p, file, where));
                return;
            case Condition.Any any:
                any.Parts.ToList().ForEach(p => CheckCondition(p, file, where));
                return;
            case Condition.Not not:
                CheckCondition(not.Inner, file, where);
                return;
        }

        var qid = condition.Questions().Single();
        if (library.Interview.Find(qid) is not { } q)
        {
            Error(file, $"{where}: condition names unknown question '{qid}'");
            return;
        }

        if (condition is Condition.AtLeast && q.Type != QuestionType.Number)
        {
            Error(file, $"{where}: 'at_least' needs a number question, and '{qid}' is not one");
        }

        IEnumerable<string> values = condition switch
        {
            Condition.EqualsValue e => [e.Value],
            Condition.In i => i.Values,
            Condition.Contains c => [c.Value],
            _ => [],
        };
        foreach (var v in values)
        {
            var ok = q.Type switch
            {
                QuestionType.Choice or QuestionType.Multi => q.Option(v) is not null,
                QuestionType.YesNo => v is "true" or "false",
                _ => true,
            };
            if (!ok)
            {
                Error(file, $"{where}: '{v}' is not a possible answer to '{qid}'");
            }
        }
    }

    private void ValidateSummary()
    {
        foreach (var r in library.SummaryRules)
        {
            if (library.Topic(r.Topic) is null)
            {
                Error("content/summary.yaml", $"rule '{r.Id}': topic '{r.Topic}' does not exist");
            }

            if (r.When is not null)
            {
                CheckCondition(r.When, "content/summary.yaml", $"rule '{r.Id}'");
            }

            if (!SummaryRule.Groups.Contains(r.Group))
            {
                Error("content/summary.yaml", $"rule '{r.Id}': group '{r.Group}' is not one of {string.Join(", ", SummaryRule.Groups)}");
            }

            if (r.ClauseId is { } cid && library.Clause(cid) is null)
            {
                Error("content/summary.yaml", $"rule '{r.Id}': clause '{cid}' does not exist");
            }

            foreach (var text in new[] { r.Text.Nl, r.Text.En })
            {
                foreach (var p in BodyParser.ParseInline(text).Segments.OfType<Placeholder>())
                {
                    CheckPlaceholder(p, "content/summary.yaml");
                }
            }
        }
    }

    private void ValidateGuide()
    {
        const string file = "content/response-guide.yaml";
        var guide = library.ResponseGuide;
        if (!guide.Questions.ContainsKey(guide.Start))
        {
            Error(file, $"start '{guide.Start}' is not a question");
        }

        foreach (var q in guide.Questions.Values)
        {
            foreach (var a in q.Answers)
            {
                var ok = (a.Next is not null && guide.Questions.ContainsKey(a.Next)) ^ (a.Situation is not null && guide.Situation(a.Situation) is not null);
                if (!ok)
                {
                    Error(file, $"question '{q.Id}': answer '{a.Label.En}' needs exactly one existing 'next' question or 'situation'");
                }
            }
        }

        foreach (var s in guide.Situations)
        {
            foreach (var text in new[] { s.Nl, s.En }.SelectMany(t => t.Steps.Append(t.Title).Append(t.Recognise)))
            {
                foreach (var p in BodyParser.ParseInline(text).Segments.OfType<Placeholder>())
                {
                    CheckPlaceholder(p, file);
                }
            }
        }
    }
}
