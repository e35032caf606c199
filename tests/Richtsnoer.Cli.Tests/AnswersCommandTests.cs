namespace Richtsnoer.Cli.Tests;

public class AnswersCommandTests
{
    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void Init_writes_a_commented_file_that_validates_and_generates(string lang)
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "org.yaml");
        Assert.Equal(0, CliRunner.Run("answers", "init", "--out", file, "--lang", lang).ExitCode);

        var text = File.ReadAllText(file);
        Assert.Contains("# ", text);
        Assert.Contains("escalation_contact:", text);
        var validate = CliRunner.Run("answers", "validate", file);
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("in orde", validate.Out);
        Assert.Equal(0, CliRunner.Run("generate", "--answers", file, "--format", "md", "--out", Path.Combine(dir, "p.md")).ExitCode);
    }

    [Fact]
    public void Init_does_not_overwrite_an_existing_file_without_force()
    {
        var file = Path.Combine(CliRunner.TempDir(), "org.yaml");
        File.WriteAllText(file, "mine");
        var r = CliRunner.Run("answers", "init", "--out", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--force", r.Error);
        Assert.Equal("mine", File.ReadAllText(file));
        Assert.Equal(0, CliRunner.Run("answers", "init", "--out", file, "--force").ExitCode);
        Assert.NotEqual("mine", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("bakkerij")]
    [InlineData("zorg")]
    [InlineData("ict")]
    [InlineData("gemeente")]
    public void Validate_accepts_the_examples(string example)
    {
        Assert.Equal(0, CliRunner.Run("answers", "validate", CliRunner.Example(example)).ExitCode);
    }

    [Fact]
    public void Validate_lists_every_problem_in_English_when_asked()
    {
        var file = Path.Combine(CliRunner.TempDir(), "bad.yaml");
        File.WriteAllText(file, "org_name: \"\"\nsector: bakery\nworks_council: maybe\n");
        var r = CliRunner.Run("answers", "validate", file, "--lang", "en");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("bad.yaml:2: sector: 'bakery' is not one of the choices", r.Error);
        Assert.Contains("bad.yaml:3: works_council: 'maybe' is not yes or no", r.Error);
        Assert.Contains("bad.yaml:1: org_name: this answer is required", r.Error);
        Assert.Contains("escalation_contact: this answer is required", r.Error);
    }

    [Fact]
    public void Validate_refuses_a_file_that_is_not_utf8_text_or_uses_aliases_with_the_line()
    {
        var latin1 = Path.Combine(CliRunner.TempDir(), "latin1.yaml");
        File.WriteAllBytes(latin1, [.. "sector: anders\norg_name: Caf"u8, 0xE9, .. " De Hoek\n"u8]);
        var r = CliRunner.Run("answers", "validate", latin1);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("latin1.yaml:2: file: het bestand is geen UTF-8", r.Error);

        var aliases = Path.Combine(CliRunner.TempDir(), "aliases.yaml");
        File.WriteAllText(aliases, "a: &a [x, x]\norg_name: *a\n");
        var e = CliRunner.Run("answers", "validate", aliases, "--lang", "en");
        Assert.Equal(1, e.ExitCode);
        Assert.Contains("aliases.yaml:1: yaml: anchors (&a) are not allowed in an answers file", e.Error);
    }

    [Fact]
    public void Validate_reports_text_that_is_missing_in_a_language_of_the_protocol_and_generate_refuses_to_mix()
    {
        var file = Path.Combine(CliRunner.TempDir(), "two-languages.yaml");
        File.WriteAllText(file, """
            org_name: Testbedrijf B.V.
            sector: anders
            languages: [nl, en]
            works_council: false
            spokespersons: de directie
            confidential_matters: [recepten, {nl: prijzen, en: prices}]
            escalation_contact: {name: Afdeling HR, email: hr@testbedrijf.nl}
            effective_date: 2027-01-01
            """);
        var r = CliRunner.Run("answers", "validate", file, "--lang", "en");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("two-languages.yaml: spokespersons: the protocol is also in English, but this answer has no English text", r.Error);
        Assert.Contains("confidential_matters[1]:", r.Error);
        Assert.DoesNotContain("confidential_matters[2]:", r.Error);
        Assert.Contains("escalation_contact.name: the protocol is also in English", r.Error);

        Assert.Equal(0, CliRunner.Run("generate", "--answers", file, "--format", "md", "--lang", "nl").ExitCode);
        var en = CliRunner.Run("generate", "--answers", file, "--format", "md", "--lang", "en");
        Assert.Equal(1, en.ExitCode);
        Assert.Contains("does not mix languages", en.Error);
        Assert.Equal("", en.Out);
    }
}
