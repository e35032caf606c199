using Richtsnoer.Core.Content;

namespace Richtsnoer.Core.Tests.Content;

public class ContentLibraryTests
{
    private static ContentLibrary Library => TestData.Library;

    [Fact]
    public void Every_content_file_loads_without_errors()
    {
        var library = ContentLoader.Load(Path.Combine(TestData.RepoRoot, "content"));
        Assert.NotEmpty(library.Clauses);
        Assert.NotEmpty(library.Interview.Questions);
    }

    [Fact]
    public void There_are_exactly_the_25_topics_of_the_brief()
    {
        Assert.Equal(Enumerable.Range(1, 25), Library.Topics.Select(t => t.Number).Order());
        Assert.All(Library.Topics, t => Assert.False(string.IsNullOrWhiteSpace(t.Name.Nl) || string.IsNullOrWhiteSpace(t.Name.En)));
    }

    [Fact]
    public void Ids_are_unique()
    {
        Assert.Equal(Library.Clauses.Count, Library.Clauses.Select(c => c.Id).Distinct().Count());
        Assert.Equal(Library.Interview.Questions.Count(), Library.Interview.Questions.Select(q => q.Id).Distinct().Count());
        Assert.Equal(Library.Sections.Count, Library.Sections.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Every_clause_has_Dutch_and_English_text_with_a_title()
    {
        foreach (var clause in Library.Clauses.Where(c => c.Generator == ClauseGenerator.None))
        {
            Assert.True(clause.Nl is { Blocks.Count: > 0 } && clause.Nl.Title.Length > 0, $"{clause.Id} has no Dutch text");
            Assert.True(clause.En is { Blocks.Count: > 0 } && clause.En.Title.Length > 0, $"{clause.Id} has no English text");
        }
    }

    [Fact]
    public void Dutch_and_English_texts_have_the_same_structure()
    {
        foreach (var clause in Library.Clauses.Where(c => c.Nl is not null && c.En is not null))
        {
            Assert.True(
                clause.Nl!.Blocks.Select(b => b.Kind).SequenceEqual(clause.En!.Blocks.Select(b => b.Kind)),
                $"{clause.Id}: the nl and en texts have different blocks ({string.Join(",", clause.Nl.Blocks.Select(b => b.Kind))} vs {string.Join(",", clause.En.Blocks.Select(b => b.Kind))})");
            Assert.Equal(
                clause.Nl.Placeholders().Select(p => p.ToString()).Order(),
                clause.En.Placeholders().Select(p => p.ToString()).Order());
        }
    }

    [Fact]
    public void Every_referenced_question_variable_topic_and_section_exists()
    {
        var questions = Library.Interview.Questions.Select(q => q.Id).ToHashSet();
        foreach (var clause in Library.Clauses)
        {
            Assert.NotNull(Library.Section(clause.SectionId));
            Assert.All(clause.Topics, t => Assert.NotNull(Library.Topic(t)));
            Assert.All(clause.When?.Questions() ?? [], q => Assert.Contains(q, questions));
            foreach (var p in new[] { clause.Nl, clause.En }.OfType<ClauseBody>().SelectMany(b => b.Placeholders()))
            {
                Assert.True(questions.Contains(p.Name) || p.Name == "org_short", $"{clause.Id} uses unknown {p}");
                Assert.Contains(p.Name, clause.Variables);
            }
        }

        Assert.All(Library.Interview.Questions.Where(q => q.When is not null), q => Assert.All(q.When!.Questions(), id => Assert.Contains(id, questions)));
        Assert.All(Library.SummaryRules, r => Assert.NotNull(Library.Topic(r.Topic)));
    }

    [Fact]
    public void Every_question_has_a_label_in_both_languages_and_every_option_too()
    {
        foreach (var q in Library.Interview.Questions)
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Label.Nl), $"{q.Id} nl");
            Assert.False(string.IsNullOrWhiteSpace(q.Label.En), $"{q.Id} en");
            Assert.All(q.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Label.Nl) || string.IsNullOrWhiteSpace(o.Label.En)));
        }
    }

    [Fact]
    public void At_most_twelve_questions_are_required()
    {
        Assert.InRange(Library.Interview.Questions.Count(q => q.Required && q.When is null), 1, 12);
    }

    [Fact]
    public void There_is_a_preset_for_each_sector_the_issue_names()
    {
        string[] sectors = ["zorg", "onderwijs", "overheid", "zakelijke_dienstverlening", "ict", "retail_horeca", "industrie_bouw", "non_profit"];
        Assert.All(sectors, s => Assert.True(Library.Presets.ContainsKey(s), $"no preset for {s}"));
    }

    [Fact]
    public void The_response_guide_reaches_all_five_situations_from_its_start()
    {
        var guide = Library.ResponseGuide;
        var reached = new HashSet<string>();
        var queue = new Queue<string>([guide.Start]);
        var seen = new HashSet<string>();
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            foreach (var a in guide.Questions[id].Answers)
            {
                if (a.Situation is not null)
                {
                    reached.Add(a.Situation);
                }
                else
                {
                    queue.Enqueue(a.Next!);
                }
            }
        }

        Assert.Equal(guide.Situations.Select(s => s.Id).Order(), reached.Order());
        Assert.True(guide.Situations.Count >= 5);
    }

    [Fact]
    public void A_broken_clause_is_reported_with_its_file_and_the_problem()
    {
        var dir = CopyContent();
        File.WriteAllText(Path.Combine(dir, "clauses", "intro", "zz-broken.md"), """
            ---
            id: zz-broken
            version: 1
            section: intro
            topics: [no-such-topic]
            when: {question: no_such_question, equals: true}
            variables: []
            ---
            # nl: Kapot
            Hallo {{no_such_variable}}.
            """);

        var e = Assert.Throws<ContentException>(() => ContentLoader.Load(dir));
        var messages = string.Join("\n", e.Errors);
        Assert.Contains("zz-broken.md", messages);
        Assert.Contains("no-such-topic", messages);
        Assert.Contains("no_such_question", messages);
        Assert.Contains("{{no_such_variable}}", messages);
        Assert.Contains("'# en: Title'", messages);
    }

    [Fact]
    public void A_variant_without_its_own_label_or_that_sets_an_answer_it_cannot_set_is_reported()
    {
        var dir = CopyContent();
        var breaks = Path.Combine(dir, "clauses", "working-hours", "breaks.md");
        File.WriteAllText(breaks, File.ReadAllText(breaks).Replace("label: {nl: \"Alleen in de pauze\", en: \"Only during breaks\"}", "label: {nl: \"Vrij gebruik\", en: \"Free use\"}"));
        var government = Path.Combine(dir, "clauses", "information", "confidential-government.md");
        File.WriteAllText(government, File.ReadAllText(government).Replace("alternative: confidential-basis\n", "alternative: confidential-basis\nsets_answer: true\n"));
        var pending = Path.Combine(dir, "clauses", "adoption", "pending.md");
        File.WriteAllText(pending, string.Join("\n", File.ReadAllLines(pending).Where(l => !l.StartsWith("description:", StringComparison.Ordinal))));

        var e = Assert.Throws<ContentException>(() => ContentLoader.Load(dir));
        var messages = string.Join("\n", e.Errors);
        Assert.Contains("the nl label 'Vrij gebruik' is used by", messages);
        Assert.Contains("the en label 'Free use' is used by", messages);
        Assert.Contains("alternative 'confidential-basis': 'sets_answer: true' on some clauses but not on all", messages);
        Assert.Contains("clause 'adoption-pending' of alternative 'adoption-route' needs a 'label' and a 'description'", messages);
    }

    [Fact]
    public void A_yaml_syntax_error_names_file_and_line()
    {
        var dir = CopyContent();
        File.WriteAllText(Path.Combine(dir, "presets.yaml"), "zorg:\n  working_hours: breaks\n   monitoring: [none\n");
        var e = Assert.Throws<ContentException>(() => ContentLoader.Load(dir));
        Assert.Contains(e.Errors, x => x.File.EndsWith("presets.yaml", StringComparison.Ordinal) && x.Line >= 2);
    }

    private static string CopyContent()
    {
        var source = Path.Combine(TestData.RepoRoot, "content");
        var target = Path.Combine(Path.GetTempPath(), "richtsnoer-content-" + Guid.NewGuid().ToString("N"), "content");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }

        return target;
    }
}
