using Richtsnoer.Core.Answers;

namespace Richtsnoer.Core.Tests.Answers;

public class AnswersFileTests
{
    private static AnswersReadResult Parse(string yaml) => AnswersFile.Parse(yaml, "org.yaml", TestData.Library);

    private static AnswerError Single(string yaml)
    {
        var result = Parse(yaml);
        Assert.False(result.Ok);
        Assert.Null(result.Answers);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Minimal_answers_are_valid_and_get_defaults()
    {
        var answers = TestData.Answers(TestData.Minimal);
        var effective = AnswerDefaults.Apply(answers, TestData.Library);
        Assert.Equal("Testbedrijf B.V.", effective.Text("org_name"));
        Assert.Equal("free", effective.Choice("working_hours"));
        Assert.Equal(new DateOnly(2027, 1, 1), effective.Date("effective_date"));
    }

    [Fact]
    public void A_sector_preset_fills_unanswered_questions_but_never_overrides_an_answer()
    {
        var preset = TestData.Library.Presets["zorg"];
        Assert.True(preset.ContainsKey("working_hours"));
        var withPreset = AnswerDefaults.Apply(TestData.Answers(TestData.Minimal.Replace("sector: anders", "sector: zorg")), TestData.Library);
        var presetValue = ((Richtsnoer.Core.Content.RawValue.Scalar)preset["working_hours"]).Value;
        Assert.Equal(presetValue, withPreset.Choice("working_hours"));

        var other = presetValue == "none" ? "free" : "none";
        var answered = AnswerDefaults.Apply(TestData.Answers(TestData.Minimal.Replace("sector: anders", "sector: zorg") + $"\nworking_hours: {other}\n"), TestData.Library);
        Assert.Equal(other, answered.Choice("working_hours"));
    }

    [Fact]
    public void An_explicitly_empty_list_is_an_answer_that_a_preset_does_not_fill()
    {
        var sector = TestData.Library.Presets.First(p => p.Value.ContainsKey("confidential_matters")).Key;
        var withPreset = AnswerDefaults.Apply(TestData.Answers(TestData.Minimal.Replace("sector: anders", $"sector: {sector}")), TestData.Library);
        Assert.NotEmpty(withPreset.List("confidential_matters"));
        var none = AnswerDefaults.Apply(TestData.Answers(TestData.Minimal.Replace("sector: anders", $"sector: {sector}") + "\nconfidential_matters: []\n"), TestData.Library);
        Assert.Empty(none.List("confidential_matters"));
        Assert.Contains("roles: []", AnswersFile.Write(TestData.Answers(TestData.Minimal + "\nroles: []\n"), TestData.Library));
    }

    [Fact]
    public void A_preset_proposes_roles_but_never_ticks_them()
    {
        var sector = TestData.Library.Presets.First(p => p.Value.ContainsKey("roles")).Key;
        var answers = TestData.Answers(TestData.Minimal.Replace("sector: anders", $"sector: {sector}"));
        Assert.Empty(AnswerDefaults.Apply(answers, TestData.Library).List("roles"));
        Assert.NotEmpty(AnswerDefaults.Suggested(TestData.Library.Interview.Find("roles")!, answers, TestData.Library));
    }

    [Fact]
    public void A_text_answer_can_be_given_in_both_languages()
    {
        var answers = TestData.Answers(TestData.Minimal + "\nspokespersons: {nl: de woordvoerder, en: the spokesperson}\n");
        var text = answers.Get<TextAnswer>("spokespersons")!;
        Assert.Equal("de woordvoerder", text.For(Language.Nl));
        Assert.Equal("the spokesperson", text.For(Language.En));
        Assert.Equal(answers, AnswersFile.Parse(AnswersFile.Write(answers, TestData.Library), "x.yaml", TestData.Library).Answers);
    }

    [Fact]
    public void An_unknown_question_names_the_line_and_suggests_the_right_one()
    {
        var e = Single(TestData.Minimal + "\nworking_hour: breaks\n");
        Assert.Equal("unknown-question", e.Code);
        Assert.Equal("working_hour", e.Field);
        Assert.Equal(6, e.Line);
        Assert.Contains("working_hours", e.Message.En);
        Assert.Equal("org.yaml:6: working_hour: onbekende vraag; bedoel je 'working_hours'?", e.Format(Language.Nl));
    }

    [Fact]
    public void A_missing_required_answer_is_reported_by_field()
    {
        var e = Single(TestData.Minimal.Replace("works_council: false\n", ""));
        Assert.Equal("required", e.Code);
        Assert.Equal("works_council", e.Field);
        Assert.Equal("org.yaml: works_council: this answer is required", e.Format(Language.En));
    }

    [Fact]
    public void An_invalid_email_inside_a_contact_points_to_its_own_line()
    {
        var yaml = TestData.Minimal.Replace(
            "escalation_contact: {name: Afdeling HR, name_en: HR department, email: hr@testbedrijf.nl, phone: 030-1234567}",
            "escalation_contact:\n  name: Afdeling HR\n  email: hr-at-testbedrijf\n");
        var e = Single(yaml);
        Assert.Equal("escalation_contact.email", e.Field);
        Assert.Equal("invalid-email", e.Code);
        Assert.Equal(6, e.Line);
    }

    [Fact]
    public void An_unknown_choice_lists_the_possible_choices()
    {
        var e = Single(TestData.Minimal + "\nworking_hours: always\n");
        Assert.Equal("unknown-option", e.Code);
        Assert.Contains("free, breaks, work_related, none", e.Message.En);
    }

    [Theory]
    [InlineData("effective_date: 1 januari", "invalid-date")]
    [InlineData("effective_date: 2200-01-01", "date-out-of-range")]
    [InlineData("works_council: misschien", "invalid-yesno")]
    [InlineData("employee_count: twaalf", "invalid-number")]
    [InlineData("employee_count: 0", "number-out-of-range")]
    [InlineData("org_name: [a, b]", "not-a-single-value")]
    public void Values_of_the_wrong_type_are_refused_with_a_code(string line, string code)
    {
        var key = line.Split(':')[0];
        var yaml = string.Join('\n', TestData.Minimal.Split('\n').Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal))) + "\n" + line + "\n";
        var result = Parse(yaml);
        Assert.Contains(result.Errors, e => e.Code == code && e.Field == key && e.Line > 0);
    }

    [Fact]
    public void A_ten_thousand_character_name_is_refused_with_the_maximum()
    {
        var e = Single(TestData.Minimal.Replace("org_name: Testbedrijf B.V.", "org_name: " + new string('x', 10_000)));
        Assert.Equal("too-long", e.Code);
        Assert.Contains("10000", e.Message.En);
        Assert.Contains("200", e.Message.En);
    }

    [Fact]
    public void A_control_character_is_refused_with_its_position()
    {
        var e = Single(TestData.Minimal.Replace("org_name: Testbedrijf B.V.", "org_name: \"Test\\u0007bedrijf\""));
        Assert.Equal("control-character", e.Code);
        Assert.Contains("U+0007", e.Message.En);
        Assert.Contains("position 5", e.Message.En);
    }

    [Fact]
    public void Markup_and_right_to_left_marks_are_kept_literally()
    {
        const string name = "<script>alert(1)</script> \u200fשלום & Zn";
        var answers = TestData.Answers(TestData.Minimal.Replace("org_name: Testbedrijf B.V.", "org_name: " + AnswersFile.Quote(name)));
        Assert.Equal(name, answers.Text("org_name"));
    }

    [Fact]
    public void A_yaml_syntax_error_gives_the_line()
    {
        var e = Single("org_name: Test\nsector: [zorg\nworks_council: true\n");
        Assert.Equal("syntax", e.Code);
        Assert.True(e.Line >= 2, $"line {e.Line}");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("just a sentence", "not-a-map")]
    [InlineData("- a\n- b\n", "not-a-map")]
    public void A_file_that_is_not_an_answers_file_says_so(string yaml, string code)
    {
        Assert.Equal(code, Single(yaml).Code);
    }

    [Fact]
    public void Customisations_that_name_unknown_clauses_sections_or_topics_are_refused()
    {
        var result = Parse(TestData.Minimal + """

            alternatives:
              no-such-group: x
            adapted_clauses:
              no-such-clause:
                nl: {title: T, text: Tekst}
            custom_clauses:
              - id: own-1
                section: no-such-section
                topics: [no-such-topic]
                nl: {title: T, text: Tekst}
            """);
        Assert.Equal(["unknown-alternative", "unknown-clause", "unknown-section", "unknown-topic"], result.Errors.Select(e => e.Code).Order());
        Assert.All(result.Errors, e => Assert.True(e.Line > 0));
    }

    [Fact]
    public void Written_answers_read_back_identically_even_with_hostile_text()
    {
        var hostile = "\"quotes\" \\ back\\slash\n<b>bold</b> {{org_name}} \u202eRTL # not a comment: yes";
        var original = TestData.Answers(TestData.Minimal + "\nconfidential_matters:\n  - " + AnswersFile.Quote(hostile) + "\n  - tweede\n") with { };
        var custom = new Customisations(
            new Dictionary<string, string>(),
            [new AdaptedClause(TestData.Library.Clauses[0].Id, new ClauseText("Eigen titel", hostile), null)],
            [new CustomClause("own-1", TestData.Library.Sections[0].Id, ["respect"], new ClauseText("Eigen", hostile), new ClauseText("Own", "text"))]);
        original = original with { Customisations = custom };

        var yaml = AnswersFile.Write(original, TestData.Library);
        var back = AnswersFile.Parse(yaml, "roundtrip.yaml", TestData.Library);
        Assert.True(back.Ok, string.Join("\n", back.Errors.Select(e => e.Format(Language.En))) + "\n" + yaml);
        Assert.Equal(original, back.Answers);
    }
}
