using System.Text.RegularExpressions;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Quality;

namespace Richtsnoer.Core.Tests.Assembly;

/// <summary>
/// What a protocol must be to be signable (issue 11): the right words for the sector, never one
/// language inside the other, computed cross-references, the length budget, and the legal points
/// of the municipality example (a cao "insofar as", consent for the monitoring, the AVG notice).
/// </summary>
public class Issue11Tests
{
    private static ProtocolDocument Assemble(AnswerSet answers, Language language) =>
        ProtocolAssembler.Assemble(TestData.Library, answers, new AssemblyOptions(language));

    private static IEnumerable<string> Texts(ProtocolDocument d) => d.AllClauses.SelectMany(c =>
        new[] { c.Title }.Concat(BlockText.Units(c.Blocks)));

    private static string AllText(ProtocolDocument d) => string.Join("\n", Texts(d));

    private static IReadOnlyList<Language> LanguagesOf(AnswerSet answers) =>
        AnswerDefaults.Apply(answers, TestData.Library).List("languages").Select(c => c == "en" ? Language.En : Language.Nl).ToList();

    /// <summary>Words that belong to another sector than the example's: the people served, the place, the work.</summary>
    private static readonly Dictionary<string, string[]> Foreign = new()
    {
        ["retail_horeca"] = ["cliënt", "patiënt", "leerling", "inwoner", "ambtena", "bestuurder", "directeur", "patient", "pupil", "resident", "civil servant"],
        ["ict"] = ["cliënt", "patiënt", "leerling", "inwoner", "ambtena", "patient", "pupil", "resident", "civil servant"],
        ["zorg"] = ["klant", "leerling", "inwoner", "ordernummer", "producten", "vestiging", "ambtena", "customer", "pupil", "resident", "order number", "products", "branch", "civil servant"],
        ["overheid"] = ["klant", "cliënt", "patiënt", "leerling", "ordernummer", "producten", "vestiging", "customer", "patient", "pupil", "order number", "products", "branch"],
    };

    [Theory]
    [MemberData(nameof(TestData.Examples), MemberType = typeof(TestData))]
    public void No_example_uses_the_words_of_another_sector(string example)
    {
        var answers = TestData.Example(example);
        var sector = answers.Choice("sector")!;
        Assert.True(Foreign.ContainsKey(sector), $"add the words foreign to sector {sector}");
        foreach (var language in LanguagesOf(answers))
        {
            var doc = Assemble(answers, language);
            var summary = SummaryAssembler.Assemble(TestData.Library, answers, doc);
            var text = (AllText(doc) + "\n" + AllText(summary)).ToLowerInvariant();
            foreach (var word in Foreign[sector])
            {
                var hit = Regex.Match(text, @"\b" + Regex.Escape(word) + @"\w*");
                Assert.False(hit.Success, $"{example}/{language.Code()}: '{hit.Value}' does not belong to sector {sector}");
            }
        }
    }

    [Fact]
    public void The_people_served_come_from_the_sector_and_an_answer_overrides_them()
    {
        var preset = TestData.Answers(TestData.Minimal.Replace("sector: anders", "sector: zorg"));
        Assert.Contains("cliënten", AllText(Assemble(preset, Language.Nl)));
        var hospital = TestData.Answers(TestData.Minimal.Replace("sector: anders", "sector: zorg") + "\npeople_served: {nl: patiënten, en: patients}");
        var care = string.Join("\n", BlockText.Units(Assemble(hospital, Language.Nl).AllClauses.Single(c => c.Id == "care-clients").Blocks));
        Assert.Contains("patiënten", care);
        Assert.DoesNotContain("cliënten", care);
        Assert.Contains("patients", AllText(Assemble(hospital, Language.En)));
    }

    [Fact]
    public void No_clause_hard_codes_the_people_served_or_the_place()
    {
        foreach (var c in TestData.Library.Clauses)
        {
            foreach (var body in new[] { c.Nl, c.En }.OfType<ClauseBody>())
            {
                var text = string.Join(" ", body.Blocks.SelectMany(b => b.Rows).SelectMany(r => r).SelectMany(i => i.Segments).OfType<Literal>().Select(l => l.Text)).ToLowerInvariant();
                Assert.DoesNotMatch(@"\bklant|\bvestiging|\bcustomer|\bordernummer|\bproducten\b", text);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestData.Examples), MemberType = typeof(TestData))]
    public void An_english_protocol_holds_no_dutch_text_of_an_answer(string example)
    {
        var answers = TestData.Example(example);
        var effective = AnswerDefaults.Apply(answers, TestData.Library);
        var dutch = new List<string>();
        foreach (var q in TestData.Library.Interview.Questions.Where(q => q.NeedsEachLanguage))
        {
            switch (effective.Get(q.Id))
            {
                case TextAnswer { En: { } en } t when en != t.Value:
                    dutch.Add(t.Value);
                    break;
                case ListAnswer l:
                    dutch.AddRange(l.Items.Where((item, i) => l.EnglishItem(i) is { } e && e != item));
                    break;
                case ContactAnswer { Contact.NameEn: { } en } c when en != c.Contact.Name:
                    dutch.Add(c.Contact.Name);
                    break;
            }
        }

        Assert.NotEmpty(dutch);
        var doc = Assemble(answers, Language.En);
        var text = AllText(doc) + "\n" + AllText(SummaryAssembler.Assemble(TestData.Library, answers, doc));
        Assert.All(dutch, d => Assert.DoesNotContain(d, text));
    }

    [Fact]
    public void The_assembler_refuses_to_print_a_dutch_answer_in_an_english_protocol()
    {
        var answers = TestData.Answers(TestData.Minimal + "\nlanguages: [nl, en]\nspokespersons: de directie\nconfidential_matters: [recepten]");
        Assert.Contains("de directie", AllText(Assemble(answers, Language.Nl)));
        var e = Assert.Throws<AssemblyException>(() => Assemble(answers, Language.En));
        Assert.Contains(e.Problems, p => p.Code == "missing-language" && p.Message.En.Contains("{{spokespersons}}", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Code == "missing-language" && p.Message.En.Contains("{{confidential_matters}}", StringComparison.Ordinal));

        var missing = AnswersValidator.Languages(AnswerDefaults.Apply(answers, TestData.Library), TestData.Library).Select(m => m.Field).ToList();
        Assert.Contains("spokespersons", missing);
        Assert.Contains("confidential_matters[1]", missing);
        Assert.DoesNotContain("escalation_contact.name", missing); // Minimal gives name_en
        Assert.DoesNotContain("org_name", missing); // a name is the same in every language

        var translated = TestData.Answers(TestData.Minimal + "\nlanguages: [nl, en]\nspokespersons: {nl: de directie, en: the board}\nconfidential_matters: [{nl: recepten, en: recipes}]");
        Assert.Empty(AnswersValidator.Languages(AnswerDefaults.Apply(translated, TestData.Library), TestData.Library));
        var en = AllText(Assemble(translated, Language.En));
        Assert.Contains("the board", en);
        Assert.Contains("recipes", en);
    }

    [Theory]
    [MemberData(nameof(TestData.Examples), MemberType = typeof(TestData))]
    public void Cross_references_name_the_numbers_of_the_assembled_document(string example)
    {
        var answers = TestData.Example(example);
        foreach (var language in LanguagesOf(answers))
        {
            var doc = Assemble(answers, language);
            var guide = doc.Sections.Single(s => s.Id == "response-guide");
            var responding = doc.AllClauses.Single(c => c.Id == "responding");
            Assert.Contains((language == Language.Nl ? "bijlage " : "appendix ") + guide.Number, BlockText.Units(responding.Blocks).First());

            // Every "(zie 3.2)" of the summary is the number of a clause of the document.
            var numbers = doc.AllClauses.Select(c => c.Number).ToHashSet();
            var summary = SummaryAssembler.Assemble(TestData.Library, answers, doc);
            foreach (Match m in Regex.Matches(AllText(summary), @"\((?:zie|see) ([0-9A-Z]+\.[0-9]+)\)"))
            {
                Assert.Contains(m.Groups[1].Value, numbers);
            }
        }
    }

    [Fact]
    public void Content_never_types_a_chapter_or_clause_number()
    {
        foreach (var c in TestData.Library.Clauses)
        {
            foreach (var body in new[] { c.Nl, c.En }.OfType<ClauseBody>())
            {
                var text = string.Join(" ", body.Blocks.SelectMany(b => b.Rows).SelectMany(r => r).SelectMany(i => i.Segments).OfType<Literal>().Select(l => l.Text));
                Assert.DoesNotMatch(@"(?i)\b(bijlage|appendix|hoofdstuk|chapter) [A-Z0-9]\b|\b(zie|see) \d+\.\d+", text);
            }
        }
    }

    [Fact]
    public void A_summary_rule_points_to_the_clause_it_summarises()
    {
        var answers = TestData.Example("zorg");
        var doc = Assemble(answers, Language.Nl);
        var summary = SummaryAssembler.Assemble(TestData.Library, answers, doc);
        var care = doc.AllClauses.Single(c => c.Id == "care-clients").Number;
        var line = BlockText.Units(summary.AllClauses.SelectMany(c => c.Blocks).ToList()).Single(u => u.StartsWith("Zet niets online over cliënten", StringComparison.Ordinal));
        Assert.EndsWith($"(zie {care})", line);
    }

    [Theory]
    [MemberData(nameof(TestData.Examples), MemberType = typeof(TestData))]
    public void The_main_text_stays_within_the_budget_for_the_size_of_the_organisation(string example)
    {
        var answers = TestData.Example(example);
        var report = QualityChecker.Run(TestData.Library, answers, QualityPatterns.Default);
        var employees = AnswerDefaults.Apply(answers, TestData.Library).Get<NumberAnswer>("employee_count")!.Value;
        var budget = employees < 50 ? 1500 : 2000;
        Assert.NotEmpty(report.Readability);
        Assert.All(report.Readability, r => Assert.True(r.MainWords <= budget, $"{example}/{r.Language.Code()}: {r.MainWords} words, budget {budget}"));
        Assert.DoesNotContain(report.Findings, f => f.Id == QualityChecks.Length.Id);
    }

    [Fact]
    public void The_municipality_asks_consent_for_the_monitoring_names_the_cao_insofar_as_and_gives_the_notice()
    {
        var answers = TestData.Example("gemeente");
        var effective = AnswerDefaults.Apply(answers, TestData.Library);
        var nl = Assemble(answers, Language.Nl);
        var en = Assemble(answers, Language.En);
        string Clause(ProtocolDocument d, string id) => string.Join("\n", BlockText.Units(d.AllClauses.Single(c => c.Id == id).Blocks));

        // Consent for the monitoring part, under sub k (and l), also though the cao regulates social media.
        Assert.Contains("artikel 27 lid 1 onder k en l WOR", Clause(nl, "adoption-monitoring"));
        Assert.Contains("Article 27(1)(k) and (l)", Clause(en, "adoption-monitoring"));

        // The cao exception "insofar as", with the cao named.
        var cao = Clause(nl, "adoption-cao");
        Assert.Contains("Voor zover de cao", cao);
        Assert.Contains("artikel 27 lid 3 WOR", cao);
        Assert.Contains("cao Gemeenten", cao);
        Assert.Contains("Insofar as", Clause(en, "adoption-cao"));
        Assert.Contains("cao Gemeenten", Clause(nl, "cao-precedence"));

        // The monitoring clause states means, ground, retention and access.
        var monitoring = Clause(nl, "monitoring-other");
        Assert.Contains(effective.Get<TextAnswer>("monitoring_means")!.Value, monitoring);
        Assert.Contains("artikel 6 lid 1 onder e AVG", monitoring);
        Assert.Contains(effective.Get<TextAnswer>("monitoring_retention")!.Value, monitoring);
        Assert.Contains(effective.Get<TextAnswer>("monitoring_access")!.Value, monitoring);
        Assert.Contains("DPIA", monitoring);
        Assert.Contains(effective.Get<TextAnswer>("monitoring_means")!.En!, Clause(en, "monitoring-other"));

        // Consent is still to be given: the header shows no effective date as a fact.
        Assert.Null(nl.Metadata.EffectiveDate);
        Assert.Contains("pas nadat de ondernemingsraad heeft ingestemd", Clause(nl, "adoption-pending"));
    }

    [Fact]
    public void Without_monitoring_the_adoption_does_not_speak_of_monitoring_as_if_there_were_any()
    {
        var answers = TestData.Answers(TestData.Minimal.Replace("works_council: false", "works_council: true\nconsent_date: 2026-12-01"));
        var doc = Assemble(answers, Language.Nl);
        Assert.DoesNotContain(doc.AllClauses, c => c.Id == "adoption-monitoring");
        Assert.Contains("regelt geen toezicht", AllText(doc));
        Assert.Equal(new DateOnly(2027, 1, 1), doc.Metadata.EffectiveDate);
    }

    [Fact]
    public void From_fifty_staff_the_protocol_points_to_the_reporting_procedure()
    {
        Assert.DoesNotContain(Assemble(TestData.Answers(TestData.Minimal + "\nemployee_count: 49"), Language.Nl).AllClauses, c => c.Id == "whistleblowing");
        Assert.Contains(Assemble(TestData.Answers(TestData.Minimal + "\nemployee_count: 50"), Language.Nl).AllClauses, c => c.Id == "whistleblowing");
    }

    [Fact]
    public void The_practical_topics_are_covered()
    {
        var ids = Assemble(TestData.Answers(TestData.Minimal), Language.Nl).AllClauses.Select(c => c.Id).ToList();
        Assert.Contains("removal-request", ids);
        Assert.Contains("accounts-when-leaving", ids);
        Assert.Contains("sick-leave", ids);
    }
}
