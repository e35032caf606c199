using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Tests.Assembly;

public class AssemblyTests
{
    private static ProtocolDocument Assemble(AnswerSet answers, Language language = Language.Nl) =>
        ProtocolAssembler.Assemble(TestData.Library, answers, new AssemblyOptions(language));

    private static string AllText(ProtocolDocument d) => string.Join("\n", d.Sections.SelectMany(s => s.Clauses).SelectMany(c =>
        new[] { c.Title }.Concat(c.Blocks.SelectMany(BlockText))));

    private static IEnumerable<string> BlockText(Block b) => b switch
    {
        Paragraph p => [p.Inlines.PlainText()],
        Example e => [e.Inlines.PlainText()],
        BulletList l => l.Items.Select(i => i.PlainText()),
        NumberedList l => l.Items.Select(i => i.PlainText()),
        Table t => t.Rows.SelectMany(r => r.Select(c => c.PlainText())),
        _ => [],
    };

    [Theory]
    [MemberData(nameof(TestData.Examples), MemberType = typeof(TestData))]
    public void Each_example_assembles_in_both_languages_with_all_25_topics_covered(string example)
    {
        var answers = TestData.Example(example);
        foreach (var language in new[] { Language.Nl, Language.En })
        {
            var escalation = AnswerDefaults.Apply(answers, TestData.Library).Contact("escalation_contact")!;
            var doc = Assemble(answers, language);
            Assert.True(doc.Coverage.IsComplete, string.Join(", ", doc.Coverage.Uncovered.Select(t => t.Key)));
            Assert.Equal(25, doc.Coverage.Topics.Count);
            var text = AllText(doc);
            Assert.DoesNotContain("{{", text);
            Assert.DoesNotContain("}}", text);
            var effective = AnswerDefaults.Apply(answers, TestData.Library);
            Assert.Contains(language == Language.En ? escalation.NameEn ?? escalation.Name : escalation.Name, text);
            Assert.Equal(effective.Text("org_name"), doc.Metadata.OrganisationName);
        }
    }

    [Theory]
    [MemberData(nameof(TestData.Examples), MemberType = typeof(TestData))]
    public void Clause_numbers_are_consecutive_per_section(string example)
    {
        var doc = Assemble(TestData.Example(example));
        var main = doc.MainSections.Select(s => s.Number).ToList();
        Assert.Equal(Enumerable.Range(1, main.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), main);
        Assert.All(doc.Appendices.Select((s, i) => (s, i)), x => Assert.Equal(((char)('A' + x.i)).ToString(), x.s.Number));
        foreach (var s in doc.Sections)
        {
            Assert.Equal(s.Clauses.Select((_, i) => $"{s.Number}.{i + 1}"), s.Clauses.Select(c => c.Number));
        }
    }

    [Fact]
    public void A_clause_never_mentions_a_role_sector_or_competitor_that_does_not_apply()
    {
        // The bakery has no competitors and only the marketing role.
        var bakery = TestData.Example("bakkerij");
        var selected = ProtocolAssembler.SelectClauses(TestData.Library, AnswerDefaults.Apply(bakery, TestData.Library));
        foreach (var c in selected.Where(c => c.When is not null))
        {
            Assert.True(c.When!.Holds(AnswerDefaults.Apply(bakery, TestData.Library)), c.Id);
        }

        var roleClauses = TestData.Library.Clauses.Where(c => c.When?.Questions().Contains("roles") == true).ToList();
        Assert.NotEmpty(roleClauses);
        var text = AllText(Assemble(bakery)).ToLowerInvariant();
        Assert.DoesNotContain("klantenservice", text);
        Assert.DoesNotContain("concurrent", text.Replace("concurrentie", ""));
    }

    [Fact]
    public void The_working_hours_regime_picks_exactly_one_alternative()
    {
        foreach (var regime in new[] { "free", "breaks", "work_related", "none" })
        {
            var answers = TestData.Answers(TestData.Minimal + $"\nworking_hours: {regime}\n");
            var selected = ProtocolAssembler.SelectClauses(TestData.Library, AnswerDefaults.Apply(answers, TestData.Library));
            var regimeClauses = selected.Where(c => c.Topics.Contains("working-hours") && c.Alternative is not null).ToList();
            Assert.Single(regimeClauses);
            Assert.True(regimeClauses[0].When!.Holds(AnswerDefaults.Apply(answers, TestData.Library)));
        }
    }

    [Fact]
    public void Every_combination_of_the_main_choices_covers_all_topics()
    {
        var count = 0;
        foreach (var wc in new[] { "true", "false" })
        foreach (var cao in new[] { "true", "false" })
        foreach (var hours in new[] { "free", "breaks", "work_related", "none" })
        foreach (var monitoring in new[] { "none", "public_mentions", "other" })
        foreach (var sanctions in new[] { "graduated", "case_by_case" })
        foreach (var channels in new[] { "true", "false" })
        {
            var yaml = TestData.Minimal.Replace("works_council: false", $"works_council: {wc}") + $"""

                cao_regulates: {cao}
                working_hours: {hours}
                monitoring: {monitoring}
                sanctions: {sanctions}
                company_channels: {channels}
                """ + "\nmonitoring_purpose: {nl: om de reputatie te bewaken, en: to protect the reputation}" + TestData.MonitoringNotice + (cao == "true" ? TestData.CaoNames : "");
            foreach (var language in new[] { Language.Nl, Language.En })
            {
                var doc = Assemble(TestData.Answers(yaml), language);
                Assert.True(doc.Coverage.IsComplete);
                count++;
            }
        }

        Assert.Equal(384, count);
    }

    [Fact]
    public void Lists_expand_to_one_bullet_per_item_and_join_inline_with_en_or_and()
    {
        var answers = TestData.Answers(TestData.Minimal + "\nconfidential_matters: [recepten, inkoopprijzen, omzet]\n");
        var doc = Assemble(answers);
        var bullets = doc.AllClauses.SelectMany(c => c.Blocks).OfType<BulletList>().SelectMany(b => b.Items.Select(i => i.PlainText())).ToList();
        Assert.Contains("recepten", bullets);
        Assert.Contains("inkoopprijzen", bullets);
        Assert.Contains("omzet", bullets);
    }

    [Fact]
    public void Without_an_answer_that_a_clause_needs_assembly_refuses_with_a_clear_error()
    {
        // Monitoring public mentions while its purpose is not answered.
        var clause = TestData.Library.Clauses.First(c => c.Id == "monitoring-public-mentions");
        var answers = TestData.Answers(TestData.Minimal).With("monitoring", new ChoiceAnswer("public_mentions"));
        var e = Assert.Throws<AssemblyException>(() => Assemble(answers, Language.En));
        Assert.Contains("{{monitoring_purpose}}", e.Format(Language.En));
        Assert.Contains(clause.Id, e.Format(Language.En));
    }

    [Fact]
    public void Assembly_refuses_when_a_required_topic_stays_uncovered()
    {
        var topic = TestData.Library.Topics.First(t => t.Key == "escalation");
        var onlyClauses = TestData.Library.Clauses.Where(c => c.Topics.Contains(topic.Key)).ToList();
        var trimmed = TestData.Library with { Clauses = TestData.Library.Clauses.Except(onlyClauses).ToList() };
        var e = Assert.Throws<AssemblyException>(() => ProtocolAssembler.Assemble(trimmed, TestData.Answers(TestData.Minimal), new AssemblyOptions(Language.Nl)));
        Assert.Contains(e.Problems, p => p.Code == "uncovered-topic" && p.Message.Nl.Contains($"onderwerp {topic.Number}", StringComparison.Ordinal));

        var partial = ProtocolAssembler.Assemble(trimmed, TestData.Answers(TestData.Minimal), new AssemblyOptions(Language.Nl, RequireFullCoverage: false));
        Assert.Contains(topic, partial.Coverage.Uncovered);
    }

    [Fact]
    public void An_adapted_clause_replaces_the_text_is_marked_and_keeps_the_original_restorable()
    {
        var target = TestData.Library.Clauses.First(c => c.Generator == Richtsnoer.Core.Content.ClauseGenerator.None && c.When is null);
        var answers = TestData.Answers(TestData.Minimal) with
        {
            Customisations = new Customisations(new Dictionary<string, string>(), [new AdaptedClause(target.Id, new ClauseText("Onze eigen regel", "Bij ons geldt: **altijd** netjes. {{org_name}} blijft letterlijk."), null)], []),
        };
        var nl = Assemble(answers);
        var clause = nl.AllClauses.Single(c => c.Id == target.Id);
        Assert.Equal(ClauseOrigin.Adapted, clause.Origin);
        Assert.Equal("Onze eigen regel", clause.Title);
        var inlines = Assert.IsType<Paragraph>(Assert.Single(clause.Blocks)).Inlines;
        Assert.Contains(new Inline("altijd", Strong: true), inlines);
        Assert.Contains("{{org_name}} blijft letterlijk.", inlines.PlainText());

        // The English text was not adapted: an English document is refused rather than silently dropping the adaptation.
        Assert.Contains(Assert.Throws<AssemblyException>(() => Assemble(answers, Language.En)).Problems, p => p.Code == "missing-translation");

        // And the library itself is untouched.
        Assert.Equal(target.Nl!.Title, Assemble(TestData.Answers(TestData.Minimal)).AllClauses.Single(c => c.Id == target.Id).Title);
    }

    [Fact]
    public void An_own_clause_is_added_to_its_section_and_counts_for_coverage()
    {
        var section = TestData.Library.Sections.First(s => !s.Appendix);
        var answers = TestData.Answers(TestData.Minimal) with
        {
            Customisations = new Customisations(new Dictionary<string, string>(), [], [new CustomClause("own-1", section.Id, ["copyright"], new ClauseText("Foto's van de kerstborrel", "Vraag eerst toestemming."), new ClauseText("Photos of the Christmas drinks", "Ask first."))]),
        };
        var en = Assemble(answers, Language.En);
        var own = en.AllClauses.Single(c => c.Id == "own-1");
        Assert.Equal(ClauseOrigin.Custom, own.Origin);
        Assert.Equal("Photos of the Christmas drinks", own.Title);
        Assert.Contains(own.Number, en.Coverage.Topics.Single(t => t.Topic.Key == "copyright").ClauseNumbers);
        Assert.Equal("Foto's van de kerstborrel", Assemble(answers).AllClauses.Single(c => c.Id == "own-1").Title);
    }

    [Fact]
    public void A_chosen_variant_that_contradicts_an_answer_is_refused_rather_than_printed()
    {
        var group = TestData.Library.AlternativeGroups.First(g => g.Key == "working-hours-regime");
        var answers = TestData.Answers(TestData.Minimal + "\nworking_hours: free\n");
        var other = group.First(c => !c.When!.Holds(AnswerDefaults.Apply(answers, TestData.Library)));
        var chosen = answers with { Customisations = new Customisations(new Dictionary<string, string> { [group.Key] = other.Id }, [], []) };
        var e = Assert.Throws<AssemblyException>(() => Assemble(chosen));
        Assert.Contains(e.Problems, p => p.Code == "alternative-contradicts");
    }

    [Fact]
    public void An_English_document_uses_the_English_version_of_a_default_text()
    {
        var answers = TestData.Answers(TestData.Minimal);
        Assert.Contains("the management", AllText(Assemble(answers, Language.En)));
        Assert.DoesNotContain("de directie", AllText(Assemble(answers, Language.En)));
        Assert.Contains("de directie", AllText(Assemble(answers, Language.Nl)));
    }

    [Fact]
    public void Dates_and_lists_are_written_in_the_document_language()
    {
        var answers = TestData.Answers(TestData.Minimal);
        Assert.Equal("1 januari 2027", Labels.Date(new DateOnly(2027, 1, 1), Language.Nl));
        Assert.Equal("1 January 2027", Labels.Date(new DateOnly(2027, 1, 1), Language.En));
        var nl = AllText(Assemble(answers));
        var en = AllText(Assemble(answers, Language.En));
        Assert.Contains("1 januari 2027", nl);
        Assert.Contains("1 January 2027", en);
    }

    [Fact]
    public void The_staff_summary_says_what_is_allowed_and_not_the_consequences_the_monitoring_and_whom_to_ask_manager_first()
    {
        foreach (var example in TestData.ExampleFiles.Select(Path.GetFileNameWithoutExtension))
        {
            var answers = TestData.Example(example!);
            var protocol = Assemble(answers);
            var summary = SummaryAssembler.Assemble(TestData.Library, answers, protocol);
            Assert.Equal(DocumentKind.Summary, summary.Metadata.Kind);
            Assert.Equal(["summary-allowed", "summary-not-allowed", "summary-consequences", "summary-monitoring", "summary-ask"], summary.AllClauses.Select(c => c.Id));
            var rules = summary.AllClauses.SkipLast(1).SelectMany(c => c.Blocks.OfType<BulletList>().Single().Items).ToList();
            Assert.InRange(rules.Count, 10, SummaryAssembler.MaxRules);
            Assert.All(rules, r => Assert.Matches(@"\((zie|see) [0-9A-Z]+\.[0-9]+\)$", r.PlainText()));
            Assert.Contains(rules, r => r.PlainText().StartsWith("Kritiek mag", StringComparison.Ordinal));
            var effective = AnswerDefaults.Apply(answers, TestData.Library);
            var ask = AllText(summary);
            var doubt = (effective.Contact("doubt_contact") ?? effective.Contact("escalation_contact"))!.Name;
            Assert.Contains(doubt, ask);
            Assert.True(ask.IndexOf("leidinggevende", StringComparison.Ordinal) < ask.IndexOf(doubt, StringComparison.Ordinal), "the manager comes first");
        }
    }

    [Fact]
    public void The_response_guide_and_disclaimer_appendices_are_built_from_their_shared_sources()
    {
        var doc = Assemble(TestData.Example("zorg"));
        var guide = doc.Appendices.SelectMany(s => s.Clauses).Where(c => c.Id.Contains('.', StringComparison.Ordinal)).ToList();
        Assert.Equal(TestData.Library.ResponseGuide.Situations.Select(s => s.Nl.Title), guide.Select(c => c.Title));
        var disclaimer = DisclaimerText.Fill(TestData.Library.Disclaimer, Language.Nl, null, null, doc.Metadata.OrganisationName);
        Assert.Contains(disclaimer.Disclaimer, AllText(doc));
    }
}
