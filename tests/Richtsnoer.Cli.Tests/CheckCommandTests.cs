using System.Text.Json;

namespace Richtsnoer.Cli.Tests;

public class CheckCommandTests
{
    private const string Minimal = """
        org_name: Testbedrijf B.V.
        sector: anders
        works_council: false
        escalation_contact: {name: Afdeling HR, name_en: HR department, email: hr@testbedrijf.nl}
        effective_date: 2027-01-01

        """;

    private static string Write(string yaml)
    {
        var file = Path.Combine(CliRunner.TempDir(), "answers.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    public static TheoryData<string> Examples => new(CliRunner.Examples);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_has_no_errors_and_reports_scores_per_section(string example)
    {
        var r = CliRunner.Run("check", "--answers", CliRunner.Example(example));
        Assert.True(r.ExitCode == 0, r.Out + r.Error);
        Assert.Contains("Flesch-Douma", r.Out);
        Assert.Contains("1 Doel en reikwijdte", r.Out);
        Assert.Contains("Resultaat: geen fouten.", r.Out);
    }

    [Fact]
    public void Warnings_alone_exit_with_zero()
    {
        var r = CliRunner.Run("check", "--answers", Write(Minimal + "working_hours: none\n"), "--lang", "en");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("[warning] working-hours-ban", r.Out);
        Assert.Contains("Article 7:660", r.Out);
        Assert.Contains("Result: no errors.", r.Out);
    }

    [Fact]
    public void An_invalid_answers_file_exits_with_one_and_lists_its_errors()
    {
        var r = CliRunner.Run("check", "--answers", Write(Minimal.Replace("escalation_contact: {name: Afdeling HR, name_en: HR department, email: hr@testbedrijf.nl}\n", "working_hours: sometimes\n")), "--lang", "en");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("answers.yaml:", r.Error);
        Assert.Contains("escalation_contact: this answer is required", r.Error);
        Assert.Contains("'sometimes' is not one of the choices", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Json_output_has_scores_findings_and_the_checks_that_passed()
    {
        var r = CliRunner.Run("check", "--answers", Write(Minimal + "languages: [nl, en]\n"), "--json", "--word-budget", "100");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var root = json.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal("nl", root.GetProperty("language").GetString());
        var readability = root.GetProperty("readability");
        Assert.Equal(2, readability.GetArrayLength());
        Assert.Equal("nl", readability[0].GetProperty("language").GetString());
        Assert.True(readability[0].GetProperty("fleschDouma").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, readability[1].GetProperty("fleschDouma").ValueKind);
        Assert.True(readability[1].GetProperty("fleschReadingEase").GetDouble() > 0);
        Assert.True(readability[0].GetProperty("sections").GetArrayLength() >= 10);
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("id").GetString() == "length" && f.GetProperty("severity").GetString() == "warning");
        Assert.All(findings, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("basis").GetString())));
        Assert.Contains(root.GetProperty("passed").EnumerateArray(), p => p.GetString() == "escalation-contact");
    }

    [Theory]
    [InlineData(12, 1500)]
    [InlineData(900, 2000)]
    public void Without_a_word_budget_the_limit_follows_the_size_of_the_organisation(int employees, int budget)
    {
        // A custom clause long enough to pass either limit shows the limit the check applied.
        var r = CliRunner.Run("check", "--answers", Write(Minimal + $"employee_count: {employees}\ncustom_clauses:\n  - id: lang\n    section: intro\n    topics: [purpose]\n    nl: {{title: Lang, text: \"{string.Concat(Enumerable.Repeat("Dit is een zin. ", 400))}\"}}\n"), "--json");
        using var json = JsonDocument.Parse(r.Out);
        var length = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "length");
        Assert.Contains($"grens van {budget}", length.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lower_threshold_removes_readability_warnings_and_a_higher_one_adds_them()
    {
        var file = Write(Minimal);
        var strict = CliRunner.Run("check", "--answers", file, "--threshold", "95", "--json");
        var lenient = CliRunner.Run("check", "--answers", file, "--threshold", "10", "--json");
        Assert.Contains("readability-section", strict.Out);
        Assert.DoesNotContain("\"readability-section\"", lenient.Out.Split("\"passed\"")[0]);
        Assert.Equal(0, strict.ExitCode);
    }

    [Fact]
    public void An_unknown_language_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run("check", "--answers", Write(Minimal), "--lang", "de").ExitCode);
    }
}
