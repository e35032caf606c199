using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Cli.Tests;

public class GenerateTests
{
    public static TheoryData<string> Examples => new(CliRunner.Examples);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Generate_writes_an_html_protocol_naming_the_organisation_and_its_escalation_contact(string example)
    {
        var output = Path.Combine(CliRunner.TempDir(), example + ".html");
        var r = CliRunner.Run("generate", "--answers", CliRunner.Example(example), "--format", "html", "--out", output);

        Assert.Equal(0, r.ExitCode);
        var html = File.ReadAllText(output);
        var answers = AnswerDefaults.Apply(AnswersFile.Read(CliRunner.Example(example), ContentLibrary.Default).Answers!, ContentLibrary.Default);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(answers.Text("org_name")!), html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(answers.Contact("escalation_contact")!.Name), html);
        Assert.DoesNotContain("{{", html);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Coverage_lists_all_25_topics_with_the_clause_numbers_that_cover_them(string example)
    {
        var r = CliRunner.Run("coverage", "--answers", CliRunner.Example(example));
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var topics = lines.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s?\d{1,2}\. ")).ToList();
        Assert.Equal(25, topics.Count);
        Assert.All(topics, t => Assert.Matches(@"\s([0-9]+|[A-Z])\.[0-9]+(, ([0-9]+|[A-Z])\.[0-9]+)*$", t));
        Assert.Contains("25 van 25 onderwerpen gedekt", r.Out);
    }

    [Theory]
    [InlineData("docx", "PK")]
    [InlineData("pdf", "%PDF-")]
    public void Docx_and_pdf_are_written_for_the_protocol_and_the_staff_summary(string format, string magic)
    {
        var dir = CliRunner.TempDir();
        foreach (var summary in new[] { false, true })
        {
            var output = Path.Combine(dir, $"out-{summary}.{format}");
            var args = new List<string> { "generate", "--answers", CliRunner.Example("ict"), "--format", format, "--lang", "en", "--out", output };
            if (summary)
            {
                args.Add("--summary");
            }

            var r = CliRunner.Run([.. args]);
            Assert.True(r.ExitCode == 0, r.Error);
            var bytes = File.ReadAllBytes(output);
            Assert.Equal(magic, System.Text.Encoding.ASCII.GetString(bytes, 0, magic.Length));
        }

        Assert.True(new FileInfo(Path.Combine(dir, $"out-True.{format}")).Length < new FileInfo(Path.Combine(dir, $"out-False.{format}")).Length);
    }

    [Fact]
    public void A_binary_format_without_out_is_a_usage_error()
    {
        var r = CliRunner.Run("generate", "--answers", CliRunner.Example("ict"), "--format", "pdf");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--out", r.Error);
    }

    [Fact]
    public void Markdown_goes_to_standard_output_in_the_language_asked_for()
    {
        var r = CliRunner.Run("generate", "--answers", CliRunner.Example("zorg"), "--format", "md", "--lang", "en");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("# Social media protocol", r.Out);
    }

    [Fact]
    public void Invalid_answers_give_exit_code_1_file_line_and_field_and_write_nothing()
    {
        var dir = CliRunner.TempDir();
        var answers = Path.Combine(dir, "broken.yaml");
        File.WriteAllText(answers, File.ReadAllText(CliRunner.Example("bakkerij")).Replace("working_hours: breaks", "working_hour: breaks").Replace("email: marieke@", "email: marieke-at-"));
        var output = Path.Combine(dir, "out.html");
        File.WriteAllText(output, "previous version");

        var r = CliRunner.Run("generate", "--answers", answers, "--format", "html", "--out", output);

        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"broken\.yaml:\d+: working_hour: onbekende vraag; bedoel je 'working_hours'\?", r.Error);
        Assert.Matches(@"broken\.yaml:\d+: escalation_contact\.email: .* is geen geldig e-mailadres", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
        Assert.Equal("previous version", File.ReadAllText(output));
        Assert.Equal(["out.html", "broken.yaml"], Directory.GetFiles(dir).Select(Path.GetFileName).OrderDescending());
    }

    [Fact]
    public void A_missing_answers_file_is_invalid_input_with_its_name()
    {
        var r = CliRunner.Run("generate", "--answers", "/nonexistent/org.yaml", "--format", "md", "--lang", "en");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("/nonexistent/org.yaml: file: the file does not exist", r.Error);
    }

    [Theory]
    [InlineData("generate", "--format", "html")]
    [InlineData("generate", "--answers", "x.yaml", "--format", "odt")]
    [InlineData("generate", "--answers", "x.yaml", "--lang", "fr")]
    [InlineData("frobnicate")]
    public void Usage_errors_give_exit_code_2(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--help", r.Error);
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        var r = CliRunner.Run("--help");
        Assert.True(r.ExitCode == 0, r.Error);
        foreach (var command in new[] { "generate", "answers", "coverage" })
        {
            Assert.Contains(command, r.Out);
        }
    }
}
