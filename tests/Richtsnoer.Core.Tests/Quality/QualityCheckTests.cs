using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Model;
using Richtsnoer.Core.Quality;

namespace Richtsnoer.Core.Tests.Quality;

/// <summary>For every check: the smallest answers that trigger it, and answers that do not.</summary>
public class QualityCheckTests
{
    private static QualityReport Run(string yaml, QualityOptions? options = null) =>
        QualityChecker.Run(TestData.Library, TestData.Answers(yaml), QualityPatterns.Default, options);

    private static QualityReport Run(AnswerSet answers, QualityOptions? options = null) =>
        QualityChecker.Run(TestData.Library, answers, QualityPatterns.Default, options);

    private static Finding Single(QualityReport report, CheckDefinition check)
    {
        var found = report.Findings.Where(f => f.Check == check).ToList();
        Assert.True(found.Count == 1, $"{check.Id}: expected one finding, got {found.Count}: {string.Join(" | ", report.Findings.Select(f => f.Id + ": " + f.Message.En))}");
        return found[0];
    }

    private static void None(QualityReport report, CheckDefinition check) =>
        Assert.DoesNotContain(report.Findings, f => f.Check == check);

    private static string With(string extra) => TestData.Minimal + "\n" + extra;

    /// <summary>Minimal answers as a set, with one answer removed (what an unfinished web form holds).</summary>
    private static AnswerSet Without(string question) => TestData.Answers(TestData.Minimal).With(question, null);

    private static AnswerSet Adapted(string yaml, string clauseId, string title, string body, Language language = Language.Nl) =>
        TestData.Answers(yaml) with
        {
            Customisations = new Customisations(
                new Dictionary<string, string>(),
                [new AdaptedClause(clauseId, language == Language.Nl ? new ClauseText(title, body) : null, language == Language.En ? new ClauseText(title, body) : null)],
                []),
        };

    private static AnswerSet Custom(string yaml, string section, string[] topics, string title, string body) =>
        TestData.Answers(yaml) with
        {
            Customisations = new Customisations(
                new Dictionary<string, string>(),
                [],
                [new CustomClause("eigen-1", section, topics, new ClauseText(title, body), null)]),
        };

    [Fact]
    public void Minimal_answers_have_no_errors_or_warnings()
    {
        var report = Run(TestData.Minimal);
        Assert.False(report.HasErrors);
        Assert.Equal(0, report.Count(Severity.Warning));
        Assert.Single(report.Readability);
        Assert.Equal(QualityChecks.All, report.Checks);
        Assert.All(QualityChecks.All, c =>
        {
            Assert.NotEmpty(c.Title.Nl);
            Assert.NotEmpty(c.Title.En);
            Assert.NotEmpty(c.Basis.Nl);
            Assert.NotEmpty(c.Basis.En);
        });
    }

    // works-council-consent

    [Fact]
    public void Works_council_without_a_consent_date_is_info_citing_WOR_27()
    {
        var f = Single(Run(TestData.Minimal.Replace("works_council: false", "works_council: true")), QualityChecks.WorksCouncilConsent);
        Assert.Equal(Severity.Info, f.Severity);
        // Without monitoring the protocol does not claim that sub k or l applies; it asks consent anyway.
        Assert.Contains("regelt geen toezicht", f.Explanation.Nl);
        Assert.Contains("Article 27(1)(k) or (l)", f.Explanation.En);
        Assert.Contains("artikel 27 lid 5 WOR", f.Explanation.Nl);
        Assert.Equal("consent_date", f.Where);
    }

    [Fact]
    public void Works_council_consent_also_cites_sub_k_when_there_is_monitoring()
    {
        var f = Single(Run(TestData.Minimal.Replace("works_council: false", "works_council: true") + "\nmonitoring: public_mentions\nmonitoring_purpose: om vragen snel te beantwoorden" + TestData.MonitoringNotice), QualityChecks.WorksCouncilConsent);
        Assert.Contains("artikel 27 lid 1 onder l", f.Explanation.Nl);
        Assert.Contains("(onder k)", f.Explanation.Nl);
        Assert.Contains("Article 27(1)(l)", f.Explanation.En);
    }

    [Theory]
    [InlineData("works_council: false")]
    [InlineData("works_council: true\nconsent_date: 2026-11-15")]
    public void No_consent_finding_without_a_council_or_once_consent_is_recorded(string council)
    {
        None(Run(TestData.Minimal.Replace("works_council: false", council)), QualityChecks.WorksCouncilConsent);
    }

    // monitoring-ground

    [Theory]
    [InlineData("overheid", "legitimate_interest", true)]
    [InlineData("overheid", "public_task", false)]
    [InlineData("ict", "legitimate_interest", false)]
    public void A_public_body_that_names_a_legitimate_interest_for_monitoring_gets_a_warning(string sector, string ground, bool expected)
    {
        var report = Run(TestData.Minimal.Replace("sector: anders", $"sector: {sector}") + "\nmonitoring: other\nmonitoring_purpose: om misbruik op te sporen" + TestData.MonitoringNotice + $"\nmonitoring_ground: {ground}");
        if (expected)
        {
            var f = Single(report, QualityChecks.MonitoringGround);
            Assert.Contains("artikel 6 lid 1 onder e AVG", f.Explanation.Nl);
            Assert.Equal("monitoring_ground", f.Where);
        }
        else
        {
            None(report, QualityChecks.MonitoringGround);
        }
    }

    // works-council-cao

    [Fact]
    public void A_cao_is_a_reminder_and_consent_is_still_asked_for_what_goes_beyond_it()
    {
        var report = Run(TestData.Minimal.Replace("works_council: false", "works_council: true\ncao_regulates: true") + TestData.CaoNames);
        var f = Single(report, QualityChecks.WorksCouncilCao);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("artikel 27 lid 3 WOR", f.Explanation.Nl);
        Assert.Contains("voor zover", f.Explanation.Nl);
        Assert.Equal(Severity.Info, Single(report, QualityChecks.WorksCouncilConsent).Severity);
    }

    [Theory]
    [InlineData("works_council: true\ncao_regulates: false")]
    [InlineData("works_council: false\ncao_regulates: true" + TestData.CaoNames)]
    public void No_cao_warning_without_a_cao_or_without_a_council(string answers)
    {
        None(Run(TestData.Minimal.Replace("works_council: false", answers)), QualityChecks.WorksCouncilCao);
    }

    // consent-before-effective-date

    [Fact]
    public void An_effective_date_before_consent_is_a_warning()
    {
        var f = Single(Run(TestData.Minimal.Replace("works_council: false", "works_council: true\nconsent_date: 2027-02-01")), QualityChecks.ConsentBeforeEffect);
        Assert.Contains("1 januari 2027", f.Message.Nl);
        Assert.Contains("1 februari 2027", f.Message.Nl);
        Assert.Contains("artikel 27 lid 5 WOR", f.Explanation.Nl);
    }

    [Theory]
    [InlineData("2027-01-01")]
    [InlineData("2026-12-01")]
    public void An_effective_date_on_or_after_consent_is_fine(string consent)
    {
        None(Run(TestData.Minimal.Replace("works_council: false", $"works_council: true\nconsent_date: {consent}")), QualityChecks.ConsentBeforeEffect);
    }

    // monitoring-purpose

    [Fact]
    public void Monitoring_without_a_purpose_is_a_warning_citing_the_GDPR()
    {
        var report = Run(Without("monitoring_purpose").With("monitoring", new ChoiceAnswer("public_mentions")));
        var f = Single(report, QualityChecks.MonitoringPurpose);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("artikel 5 lid 1 onder b AVG", f.Explanation.Nl);
        Assert.Contains("Article 5(1)(b) GDPR", f.Explanation.En);
        Assert.Equal("monitoring_purpose", f.Where);
    }

    [Theory]
    [InlineData("monitoring: none")]
    [InlineData("monitoring: public_mentions\nmonitoring_purpose: om vragen van klanten snel te beantwoorden" + TestData.MonitoringNotice)]
    [InlineData("monitoring: other\nmonitoring_purpose: om misbruik van bedrijfsaccounts op te sporen" + TestData.MonitoringNotice)]
    public void Monitoring_with_a_purpose_or_no_monitoring_passes(string monitoring)
    {
        None(Run(With(monitoring)), QualityChecks.MonitoringPurpose);
    }

    [Fact]
    public void An_own_monitoring_text_must_name_purpose_limits_and_notice()
    {
        const string yaml = TestData.Minimal + "\nmonitoring: other\nmonitoring_purpose: om misbruik op te sporen" + TestData.MonitoringNotice;
        var vague = Run(Adapted(yaml, "monitoring-other", "Toezicht", "De werkgever controleert het gebruik van social media door medewerkers."));
        var f = Single(vague, QualityChecks.MonitoringPurpose);
        Assert.Contains("het doel", f.Message.Nl);
        Assert.Contains("vooraf", f.Message.Nl);
        Assert.Equal("adapted_clauses.monitoring-other.nl", f.Where);

        var complete = Run(Adapted(yaml, "monitoring-other", "Toezicht",
            "We controleren alleen de bedrijfsaccounts, om misbruik op te sporen. Het toezicht blijft beperkt tot wat daarvoor nodig is. Je hoort vooraf hoe het werkt."));
        None(complete, QualityChecks.MonitoringPurpose);
    }

    // monitoring-dpia

    [Fact]
    public void Monitoring_beyond_public_mentions_needs_a_DPIA_warning()
    {
        var f = Single(Run(With("monitoring: other\nmonitoring_purpose: om misbruik van bedrijfsaccounts op te sporen" + TestData.MonitoringNotice)), QualityChecks.MonitoringDpia);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("artikel 35 AVG", f.Explanation.Nl);
        Assert.Contains("Autoriteit Persoonsgegevens", f.Explanation.Nl);
    }

    [Fact]
    public void Following_public_mentions_is_info_about_a_DPIA()
    {
        var f = Single(Run(With("monitoring: public_mentions\nmonitoring_purpose: om vragen van klanten snel te beantwoorden" + TestData.MonitoringNotice)), QualityChecks.MonitoringDpia);
        Assert.Equal(Severity.Info, f.Severity);
    }

    [Theory]
    [InlineData("monitoring: none")]
    [InlineData("monitoring: other\nmonitoring_purpose: om misbruik op te sporen; de DPIA is in 2026 uitgevoerd" + TestData.MonitoringNotice)]
    public void No_DPIA_finding_without_monitoring_or_once_a_DPIA_is_mentioned(string monitoring)
    {
        None(Run(With(monitoring)), QualityChecks.MonitoringDpia);
    }

    // working-hours-ban

    [Fact]
    public void A_ban_during_working_hours_is_a_warning_with_the_usual_alternative()
    {
        var f = Single(Run(With("working_hours: none")), QualityChecks.WorkingHoursBan);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("7:660", f.Explanation.Nl);
        Assert.Contains("7:611", f.Explanation.Nl);
        Assert.Contains("alleen in de pauzes", f.Fix.Nl);
        Assert.Contains("only during breaks", f.Fix.En);
    }

    [Theory]
    [InlineData("free")]
    [InlineData("breaks")]
    [InlineData("work_related")]
    public void Other_working_hours_regimes_pass(string regime)
    {
        None(Run(With($"working_hours: {regime}")), QualityChecks.WorkingHoursBan);
    }

    // overbroad-criticism and overbroad-working-conditions

    [Fact]
    public void An_adapted_clause_that_forbids_criticism_is_a_warning_citing_Herbai()
    {
        var report = Run(Adapted(TestData.Minimal, "respect", "Respect", "Je bent altijd beleefd. Je uit je op social media nooit negatief over Testbedrijf."));
        var f = Single(report, QualityChecks.OverbroadCriticism);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("Herbai", f.Explanation.Nl);
        Assert.Contains("artikel 10 EVRM", f.Explanation.Nl);
        Assert.Contains("Article 10 ECHR", f.Explanation.En);
        Assert.Contains("nooit negatief over Testbedrijf", f.Message.Nl);
        Assert.Equal("adapted_clauses.respect.nl", f.Where);
        None(report, QualityChecks.OverbroadConditions);
    }

    [Fact]
    public void An_own_clause_that_forbids_talking_about_pay_is_a_warning()
    {
        var report = Run(Custom(TestData.Minimal, "conduct", ["respect"], "Salaris", "Over je salaris en je bonus praat je met niemand, ook niet online."));
        var f = Single(report, QualityChecks.OverbroadConditions);
        Assert.Contains("2023/970", f.Explanation.Nl);
        Assert.Equal("custom_clauses[1].nl", f.Where);
    }

    [Fact]
    public void English_adapted_text_is_checked_too()
    {
        var report = Run(Adapted(TestData.Minimal, "respect", "Respect", "Staff must never criticise the company online.", Language.En));
        Assert.Equal("adapted_clauses.respect.en", Single(report, QualityChecks.OverbroadCriticism).Where);
    }

    [Fact]
    public void Narrow_adapted_text_and_the_library_text_pass()
    {
        var narrow = Run(Adapted(TestData.Minimal, "respect", "Respect", "Beledig of bedreig niemand, ook de werkgever niet. Kritiek mag, maar bespreek die eerst met je leidinggevende."));
        None(narrow, QualityChecks.OverbroadCriticism);
        None(narrow, QualityChecks.OverbroadConditions);
        var library = Run(TestData.Minimal);
        None(library, QualityChecks.OverbroadCriticism);
        None(library, QualityChecks.OverbroadConditions);
    }

    // escalation-contact

    [Fact]
    public void No_escalation_contact_is_an_error()
    {
        var report = Run(Without("escalation_contact"));
        var f = Single(report, QualityChecks.EscalationContact);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.True(report.HasErrors);
        Assert.Contains("7:611", f.Explanation.Nl);
    }

    [Fact]
    public void An_escalation_contact_passes()
    {
        None(Run(TestData.Minimal), QualityChecks.EscalationContact);
    }

    // doubt-contact

    [Fact]
    public void No_contact_for_doubt_at_all_is_an_error()
    {
        var f = Single(Run(Without("escalation_contact")), QualityChecks.DoubtContact);
        Assert.Equal(Severity.Error, f.Severity);
    }

    [Fact]
    public void Falling_back_to_the_escalation_contact_is_info()
    {
        var f = Single(Run(TestData.Minimal), QualityChecks.DoubtContact);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("Afdeling HR", f.Message.Nl);
    }

    [Fact]
    public void A_separate_doubt_contact_passes()
    {
        None(Run(With("doubt_contact: {name: je leidinggevende}")), QualityChecks.DoubtContact);
    }

    // sanctions, effective-date, review-period: the interview gives sanctions and review_period
    // a default, so answers alone never lack them. What can lack them is the document (when an
    // editor or a future content change drops the clause) or an unfinished set of answers.

    private static QualityReport CheckWithout(string topic)
    {
        var answers = TestData.Answers(TestData.Minimal);
        var doc = ProtocolAssembler.Assemble(TestData.Library, answers, new AssemblyOptions(Language.Nl));
        var stripped = doc with
        {
            Sections = doc.Sections.Select(s => s with { Clauses = s.Clauses.Where(c => !c.Topics.Contains(topic)).ToList() }).ToList(),
        };
        return QualityChecker.Check(new QualityInput(TestData.Library, answers, [stripped], QualityPatterns.Default, QualityOptions.Default));
    }

    [Fact]
    public void A_protocol_without_a_consequences_clause_is_a_warning()
    {
        var f = Single(CheckWithout("consequences"), QualityChecks.Sanctions);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("7:678", f.Explanation.Nl);
        None(Run(TestData.Minimal), QualityChecks.Sanctions);
    }

    [Fact]
    public void Without_a_document_the_sanctions_answer_decides()
    {
        var answers = TestData.Answers(TestData.Minimal);
        var report = QualityChecker.Check(new QualityInput(TestData.Library, answers, [], QualityPatterns.Default, QualityOptions.Default));
        None(report, QualityChecks.Sanctions);
        Assert.Empty(report.Readability);
    }

    [Fact]
    public void No_effective_date_is_a_warning()
    {
        var report = Run(Without("effective_date"));
        var f = Single(report, QualityChecks.EffectiveDate);
        Assert.Equal(Severity.Warning, f.Severity);

        // The adoption clause needs the date, so the protocol cannot be assembled either.
        Assert.Equal(Severity.Error, Single(report, QualityChecks.Assembly).Severity);
        None(Run(TestData.Minimal), QualityChecks.EffectiveDate);
    }

    [Fact]
    public void A_protocol_without_a_review_clause_is_a_warning()
    {
        var f = Single(CheckWithout("review"), QualityChecks.ReviewPeriod);
        Assert.Equal(Severity.Warning, f.Severity);
        None(Run(TestData.Minimal), QualityChecks.ReviewPeriod);
    }

    // length

    [Fact]
    public void A_protocol_over_the_word_budget_names_its_longest_sections()
    {
        var report = Run(TestData.Minimal, QualityOptions.Default with { WordBudget = 500, LongestSectionsNamed = 2 });
        var f = Single(report, QualityChecks.Length);
        var longest = report.Readability[0].Sections.Where(s => !s.IsAppendix).OrderByDescending(s => s.Scores.Statistics.Words).Take(2).ToList();
        Assert.All(longest, s => Assert.Contains(s.Title, f.Message.Nl));
        Assert.Contains(report.Readability[0].MainWords.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Message.Nl);
        None(Run(TestData.Minimal), QualityChecks.Length);
    }

    // readability-section and readability-document

    [Fact]
    public void A_section_below_the_threshold_is_a_warning_with_its_longest_sentence()
    {
        const string legalese = "Het is de werknemer die werkzaam is bij de werkgever uitdrukkelijk niet toegestaan om zonder voorafgaande schriftelijke toestemming van de directie informatie betreffende bedrijfsaangelegenheden, waaronder begrepen doch niet beperkt tot financiële gegevens, organisatorische veranderingen en personele aangelegenheden, via elektronische communicatiemiddelen openbaar te maken, behoudens voor zover de uitoefening van de functie zulks noodzakelijkerwijs vereist. "
            + "Overtreding van deze bepaling kan leiden tot disciplinaire maatregelen overeenkomstig de toepasselijke arbeidsrechtelijke regelgeving, onverminderd het recht van de werkgever op vergoeding van de daadwerkelijk geleden schade.";
        var report = Run(Adapted(TestData.Minimal, "copyright", "Auteursrecht", legalese));
        var f = Single(report, QualityChecks.SectionReadability);
        Assert.Contains("Flesch-Douma", f.Message.Nl);
        Assert.Contains("De langste zin telt", f.Fix.Nl);
        Assert.StartsWith("nl/", f.Where);

        // The library text itself stays above the default threshold of 60.
        None(Run(TestData.Minimal), QualityChecks.SectionReadability);
    }

    [Fact]
    public void The_threshold_is_configurable_and_short_sections_are_never_warned_about()
    {
        var report = Run(TestData.Minimal, QualityOptions.Default with { SectionThreshold = 100, DocumentThreshold = 100 });
        var warned = report.Findings.Where(f => f.Check == QualityChecks.SectionReadability).Select(f => f.Where).ToList();
        var sections = report.Readability[0].Sections;
        Assert.Equal(sections.Count(s => s.Scores.Statistics.Words >= QualityOptions.Default.MinimumWordsForWarning), warned.Count);
        Single(report, QualityChecks.DocumentReadability);
        None(Run(TestData.Minimal), QualityChecks.DocumentReadability);
    }

    [Fact]
    public void Readability_is_scored_for_every_language_of_the_protocol()
    {
        var report = Run(With("languages: [nl, en]"));
        Assert.Equal([Language.Nl, Language.En], report.Readability.Select(r => r.Language));
        var nl = report.For(Language.Nl)!;
        var en = report.For(Language.En)!;
        Assert.NotNull(nl.Document.FleschDouma);
        Assert.NotNull(nl.Document.Brouwer);
        Assert.NotNull(en.Document.FleschReadingEase);
        Assert.Null(en.Document.FleschDouma);
        Assert.Equal(nl.Sections.Select(s => s.SectionId), en.Sections.Select(s => s.SectionId));
        Assert.Equal(nl.Sections.Sum(s => s.Scores.Statistics.Words), nl.Words);
        Assert.Equal(ReadabilityAnalyser.ReadingMinutes(nl.Words, 200), nl.ReadingMinutes);
    }

    // assembly

    [Fact]
    public void Answers_that_cannot_be_assembled_are_an_error_and_the_other_checks_still_run()
    {
        var report = Run(Without("escalation_contact"));
        Assert.Equal(Severity.Error, Single(report, QualityChecks.Assembly).Severity);
        Assert.Equal(QualityChecks.Assembly, report.Findings[0].Check);
        Single(report, QualityChecks.EscalationContact);
        Assert.Empty(report.Readability);
    }

    [Fact]
    public void Findings_are_ordered_errors_first_then_warnings_then_info()
    {
        var report = Run(Without("escalation_contact").With("working_hours", new ChoiceAnswer("none")).With("works_council", new BoolAnswer(true)));
        var severities = report.Findings.Select(f => f.Severity).ToList();
        Assert.Equal(severities.OrderByDescending(s => s), severities);
        Assert.Contains(Severity.Error, severities);
        Assert.Contains(Severity.Warning, severities);
        Assert.Contains(Severity.Info, severities);
    }

    [Fact]
    public void Every_finding_explains_and_fixes_in_both_languages()
    {
        var report = Run(Adapted(
            TestData.Minimal.Replace("works_council: false", "works_council: true\ncao_regulates: true") + TestData.CaoNames + "\nworking_hours: none\nmonitoring: other\nmonitoring_purpose: om misbruik op te sporen" + TestData.MonitoringNotice,
            "respect", "Respect", "Kritiek op het bedrijf en gepraat over salarissen zijn verboden."), QualityOptions.Default with { WordBudget = 100, SectionThreshold = 100, DocumentThreshold = 100 });
        Assert.True(report.Findings.Count >= 8);
        Assert.All(report.Findings, f =>
        {
            foreach (var text in new[] { f.Message, f.Explanation, f.Fix })
            {
                Assert.False(string.IsNullOrWhiteSpace(text.Nl), f.Id);
                Assert.False(string.IsNullOrWhiteSpace(text.En), f.Id);
                Assert.NotEqual(text.Nl, text.En);
            }
        });
    }
}
