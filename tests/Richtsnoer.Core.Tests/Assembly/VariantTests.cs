using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Tests.Assembly;

/// <summary>Variants as data: their labels, which are offered, and what choosing one does (decision 025).</summary>
public class VariantTests
{
    private static ContentLibrary Library => TestData.Library;

    private static AnswerSet Effective(AnswerSet answers) => AnswerDefaults.Apply(answers, Library);

    [Fact]
    public void Every_alternative_group_has_its_own_label_and_description_per_variant_in_both_languages()
    {
        var groups = Variants.Groups(Library);
        Assert.Contains(groups, g => g.Key == "working-hours-regime");
        foreach (var group in groups)
        {
            Assert.True(group.Members.Count > 1, group.Key);
            foreach (var m in group.Members)
            {
                Assert.False(string.IsNullOrWhiteSpace(m.Label?.Nl) || string.IsNullOrWhiteSpace(m.Label?.En), $"{m.Id} has no label");
                Assert.False(string.IsNullOrWhiteSpace(m.Description?.Nl) || string.IsNullOrWhiteSpace(m.Description?.En), $"{m.Id} has no description");
            }

            Assert.Equal(group.Members.Count, group.Members.Select(m => m.Label!.Nl.ToLowerInvariant()).Distinct().Count());
            Assert.Equal(group.Members.Count, group.Members.Select(m => m.Label!.En.ToLowerInvariant()).Distinct().Count());
            Assert.Equal(group.Members.Count, group.Members.Select(m => m.Description!.Nl).Distinct().Count());
        }
    }

    [Fact]
    public void The_groups_of_the_four_interview_choices_set_their_answer()
    {
        var setting = Variants.Groups(Library).Where(g => g.SetsAnswer).ToDictionary(g => g.Key, g => g.Question!.Id);
        Assert.Equal("working_hours", setting["working-hours-regime"]);
        Assert.Equal("monitoring", setting["monitoring-regime"]);
        Assert.Equal("sanctions", setting["sanctions"]);
        Assert.Equal("company_channels", setting["company-channels"]);

        // Facts are never changed by choosing a text: the works council, the sector, the roles.
        Assert.DoesNotContain("adoption-route", setting.Keys);
        Assert.DoesNotContain("confidential-basis", setting.Keys);
        Assert.DoesNotContain("roles-main", setting.Keys);
    }

    /// <summary>Many organisations: with and without a works council (and its consent), every regime, sector and role set.</summary>
    public static IEnumerable<AnswerSet> Combinations()
    {
        foreach (var council in new[] { "works_council: false", "works_council: true", "works_council: true\nconsent_date: 2026-11-01" })
        foreach (var hours in new[] { "free", "breaks", "work_related", "none" })
        foreach (var monitoring in new[] { "none", "public_mentions", "other" })
        foreach (var sanctions in new[] { "graduated", "case_by_case" })
        foreach (var channels in new[] { "true", "false" })
        foreach (var sector in new[] { "anders", "overheid" })
        foreach (var roles in new[] { "roles: []", "roles: [marketing]" })
        {
            yield return TestData.Answers(TestData.Minimal.Replace("works_council: false", council).Replace("sector: anders", "sector: " + sector) + $"""

                working_hours: {hours}
                monitoring: {monitoring}
                sanctions: {sanctions}
                company_channels: {channels}
                {roles}
                monitoring_purpose: {"{"}nl: om de reputatie te bewaken, en: to protect the reputation{"}"}
                """ + TestData.MonitoringNotice);
        }
    }

    [Fact]
    public void No_offered_variant_contradicts_the_answers_or_drops_the_works_councils_consent()
    {
        var checkedChoices = 0;
        foreach (var answers in Combinations())
        {
            foreach (var group in Variants.Groups(Library))
            {
                var offered = Variants.Offered(Library, answers, group.Key);
                var fitting = Variants.Fitting(group, Effective(answers));
                Assert.NotNull(fitting);
                Assert.Contains(fitting, offered);
                foreach (var member in offered)
                {
                    var choice = Variants.Choose(Library, answers, group.Key, member.Id);
                    Assert.NotNull(choice);
                    var after = Effective(choice.Answers);

                    // Only the group's own answer may change; no other answer is touched.
                    var changed = after.Values.Keys.Where(k => !Equals(after.Get(k), Effective(answers).Get(k))).ToList();
                    Assert.True(changed.Count == 0 || (group.SetsAnswer && changed.SequenceEqual([group.Question!.Id])), $"{member.Id} changed {string.Join(", ", changed)}");

                    // Every clause in the protocol fits the answers it is assembled from: the chosen one included.
                    var selected = ProtocolAssembler.SelectClauses(Library, after);
                    Assert.Contains(member, selected);
                    Assert.All(selected, c => Assert.True(Variants.Fits(c, after), $"{c.Id} contradicts the answers after choosing {member.Id}"));
                    Assert.DoesNotContain(AnswersValidator.Validate(after, Library), e => e.Code == "alternative-contradicts");

                    // With a works council the protocol always says its consent is needed (WOR art. 27).
                    if (after.Bool("works_council") == true)
                    {
                        var adoption = selected.Single(c => c.Alternative == "adoption-route");
                        var text = string.Join(" ", adoption.Nl!.Blocks.SelectMany(b => b.Rows).SelectMany(r => r).SelectMany(i => i.Segments).OfType<Literal>().Select(l => l.Text));
                        Assert.Contains("ondernemingsraad", text);
                        Assert.Contains("ingestemd", text);
                    }

                    checkedChoices++;
                }
            }
        }

        Assert.True(checkedChoices > 5000, $"only {checkedChoices} choices checked");
    }

    [Fact]
    public void Some_assembled_combinations_keep_every_chosen_variant_in_both_languages()
    {
        foreach (var answers in Combinations().Where((_, i) => i % 37 == 0))
        {
            foreach (var group in Variants.Groups(Library).Where(g => g.SetsAnswer))
            {
                foreach (var member in Variants.Offered(Library, answers, group.Key))
                {
                    var chosen = Variants.Choose(Library, answers, group.Key, member.Id)!.Answers;
                    foreach (var language in new[] { Language.Nl, Language.En })
                    {
                        var doc = ProtocolAssembler.Assemble(Library, chosen, new AssemblyOptions(language));
                        Assert.Contains(doc.AllClauses, c => c.Id == member.Id);
                        Assert.True(doc.Coverage.IsComplete);
                    }
                }
            }
        }
    }

    [Fact]
    public void With_a_works_council_the_adoption_text_without_consent_is_not_offered_and_cannot_be_set()
    {
        var answers = TestData.Answers(TestData.Minimal.Replace("works_council: false", "works_council: true"));
        var offered = Variants.Offered(Library, answers, "adoption-route").Select(m => m.Id).ToList();
        Assert.Equal(["adoption-pending"], offered);
        Assert.Null(Variants.Choose(Library, answers, "adoption-route", "adoption-no-council"));

        var file = AnswersFile.Parse(TestData.Minimal.Replace("works_council: false", "works_council: true") + "\nalternatives:\n  adoption-route: adoption-no-council\n", "council.yaml", Library);
        var error = Assert.Single(file.Errors);
        Assert.Equal("alternative-contradicts", error.Code);
        Assert.Equal("alternatives.adoption-route", error.Field);
        Assert.True(error.Line > 0);
        Assert.Contains("works_council", error.Message.En);

        // Built in code past the validator, the assembler refuses as well.
        var forced = answers with { Customisations = new Customisations(new Dictionary<string, string> { ["adoption-route"] = "adoption-no-council" }, [], []) };
        var e = Assert.Throws<AssemblyException>(() => ProtocolAssembler.Assemble(Library, forced, new AssemblyOptions(Language.Nl)));
        Assert.Contains(e.Problems, p => p.Code == "alternative-contradicts");
    }

    [Fact]
    public void Choosing_a_working_hours_variant_is_answering_the_working_hours_question()
    {
        var answers = TestData.Answers(TestData.Minimal + "\nworking_hours: free\n");
        var choice = Variants.Choose(Library, answers, "working-hours-regime", "working-hours-breaks")!;
        Assert.Equal("working_hours", choice.ChangedQuestion);
        Assert.Equal("breaks", choice.Answers.Choice("working_hours"));
        Assert.Empty(choice.Answers.Customisations.Alternatives);

        // Changing the answer afterwards changes the variant: nothing stale holds it.
        var later = choice.Answers.With("working_hours", new ChoiceAnswer("none"));
        Assert.Contains(ProtocolAssembler.SelectClauses(Library, Effective(later)), c => c.Id == "working-hours-none");

        // Choosing what is already the answer changes nothing.
        Assert.Null(Variants.Choose(Library, answers, "working-hours-regime", "working-hours-free")!.ChangedQuestion);
    }

    [Fact]
    public void An_answers_file_that_chooses_a_variant_for_an_answer_gets_that_answer_unless_it_contradicts_one()
    {
        var unanswered = TestData.Answers(TestData.Minimal + "\nalternatives:\n  working-hours-regime: working-hours-breaks\n");
        Assert.Equal("breaks", unanswered.Choice("working_hours"));
        Assert.Empty(unanswered.Customisations.Alternatives);

        var same = TestData.Answers(TestData.Minimal + "\nworking_hours: breaks\nalternatives:\n  working-hours-regime: working-hours-breaks\n");
        Assert.Empty(same.Customisations.Alternatives);

        var stale = AnswersFile.Parse(TestData.Minimal + "\nworking_hours: free\nalternatives:\n  working-hours-regime: working-hours-breaks\n", "stale.yaml", Library);
        var error = Assert.Single(stale.Errors);
        Assert.Equal("alternative-contradicts", error.Code);
        Assert.Contains("Only during breaks", error.Message.En, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The library with one extra group that no answer decides: a short and a long version of a clause.</summary>
    private static ContentLibrary WithStyleGroup()
    {
        var think = Library.Clauses.First(c => c.Alternative is null && c.When is null && c.Generator == ClauseGenerator.None);
        var plain = think with { Alternative = "style", Label = new("Kort", "Short"), Description = new("De korte tekst.", "The short text.") };
        var extra = think with
        {
            Id = think.Id + "-council",
            Order = think.Order + 1,
            Alternative = "style",
            When = new Condition.EqualsValue("works_council", "false"),
            Label = new("Zonder raad", "Without a council"),
            Description = new("Alleen zonder ondernemingsraad.", "Only without a works council."),
        };
        return Library with { Clauses = Library.Clauses.Select(c => c.Id == think.Id ? plain : c).Append(extra).ToList() };
    }

    [Fact]
    public void A_variant_no_answer_decides_is_fixed_by_choosing_it_until_the_organisation_follows_its_answers_again()
    {
        var library = WithStyleGroup();
        var group = Variants.Group(library, "style")!;
        Assert.False(group.SetsAnswer);
        var answers = TestData.Answers(TestData.Minimal);
        Assert.Equal(2, Variants.Offered(library, answers, "style").Count);

        var choice = Variants.Choose(library, answers, "style", group.Members[1].Id)!;
        Assert.Null(choice.ChangedQuestion);
        Assert.Equal(group.Members[1], Variants.Fixed(library, choice.Answers, "style"));
        Assert.Contains(ProtocolAssembler.SelectClauses(library, Effective(choice.Answers)), c => c.Id == group.Members[1].Id);

        var followed = Variants.Follow(choice.Answers, "style");
        Assert.Null(Variants.Fixed(library, followed, "style"));
        Assert.Contains(ProtocolAssembler.SelectClauses(library, Effective(followed)), c => c.Id == group.Members[0].Id);

        // When a later answer contradicts the fixed variant, it is no longer offered and validation names it.
        var council = choice.Answers.With("works_council", new BoolAnswer(true));
        Assert.Single(Variants.Offered(library, council, "style"));
        Assert.Contains(AnswersValidator.Validate(AnswerDefaults.Apply(council, library), library), e => e.Code == "alternative-contradicts" && e.Field == "alternatives.style");
    }

    [Fact]
    public void A_protocol_that_gains_English_lists_the_adaptations_and_own_clauses_to_translate_and_refuses_to_mix()
    {
        var adapted = Library.Clauses.First(c => c.Generator == ClauseGenerator.None && c.When is null && c.Alternative is null);
        var dutchOnly = TestData.Answers(TestData.Minimal) with
        {
            Customisations = new Customisations(
                new Dictionary<string, string>(),
                [new AdaptedClause(adapted.Id, new ClauseText("Onze regel", "Bij ons geldt dit."), null)],
                [new CustomClause("own-1", "conduct", ["copyright"], new ClauseText("Foto's van collega's", "Vraag eerst toestemming."), null)]),
        };
        Assert.Empty(Translations.Missing(Library, dutchOnly));

        var both = dutchOnly.With("languages", new ListAnswer(["nl", "en"]));
        var missing = Translations.Missing(Library, both);
        Assert.Equal([(Language.En, adapted.Id, false), (Language.En, "own-1", true)], missing.Select(m => (m.Language, m.ClauseId, m.Own)));
        Assert.Equal(["adapted_clauses." + adapted.Id + ".en", "custom_clauses[1].en"], AnswersValidator.Languages(Effective(both), Library).Where(e => e.Code == Translations.Code).Select(e => e.Field));

        // Dutch still assembles; English is refused with both texts named, never shown in Dutch or dropped.
        Assert.Contains(ProtocolAssembler.Assemble(Library, both, new AssemblyOptions(Language.Nl)).AllClauses, c => c.Title == "Onze regel");
        var e = Assert.Throws<AssemblyException>(() => ProtocolAssembler.Assemble(Library, both, new AssemblyOptions(Language.En)));
        Assert.Equal(2, e.Problems.Count(p => p.Code == Translations.Code));
        Assert.Contains("Onze regel", e.Format(Language.En));
        Assert.Contains("Foto's van collega's", e.Format(Language.En));

        var translated = both with
        {
            Customisations = new Customisations(
                new Dictionary<string, string>(),
                [new AdaptedClause(adapted.Id, new ClauseText("Onze regel", "Bij ons geldt dit."), new ClauseText("Our rule", "This is how we do it."))],
                [new CustomClause("own-1", "conduct", ["copyright"], new ClauseText("Foto's van collega's", "Vraag eerst toestemming."), new ClauseText("Photos of colleagues", "Ask first."))]),
        };
        var en = ProtocolAssembler.Assemble(Library, translated, new AssemblyOptions(Language.En));
        Assert.Contains(en.AllClauses, c => c.Title == "Our rule" && c.Origin == ClauseOrigin.Adapted);
        Assert.Contains(en.AllClauses, c => c.Title == "Photos of colleagues");
        Assert.Empty(Translations.Missing(Library, translated));
    }
}
