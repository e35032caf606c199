using System.IO.Compression;
using System.Xml.Linq;

namespace Richtsnoer.Cli.Tests;

public class DiffCommandTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The bakery's answers and a copy with one changed answer: another escalation phone number.</summary>
    private static (string From, string To, string Dir) TwoVersions()
    {
        var dir = CliRunner.TempDir();
        var from = Path.Combine(dir, "bakkerij-1.yaml");
        var to = Path.Combine(dir, "bakkerij-2.yaml");
        var text = File.ReadAllText(CliRunner.Example("bakkerij"));
        Assert.Contains("phone: 06-41837265", text, StringComparison.Ordinal);
        File.WriteAllText(from, text);
        File.WriteAllText(to, text.Replace("phone: 06-41837265", "phone: 06-99887766", StringComparison.Ordinal));
        return (from, to, dir);
    }

    [Fact]
    public void Html_shows_the_changed_answer_as_a_deleted_and_an_inserted_word()
    {
        var (from, to, dir) = TwoVersions();
        var output = Path.Combine(dir, "redline.html");

        var r = CliRunner.Run("diff", "--from", from, "--to", to, "--format", "html", "--out", output, "--from-label", "1.0", "--to-label", "2.0");

        Assert.True(r.ExitCode == 0, r.Error);
        var html = File.ReadAllText(output);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Wijzigingen van versie 1.0 naar versie 2.0", html, StringComparison.Ordinal);
        Assert.Matches("<del>.*?41837265.*?</del><ins>.*?99887766.*?</ins>", html);
        Assert.Contains("0 nieuw, 0 verwijderd, 0 verplaatst,", html, StringComparison.Ordinal);
        Assert.Equal(["bakkerij-1.yaml", "bakkerij-2.yaml", "redline.html"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Docx_has_tracked_changes_by_the_author_and_pdf_is_a_pdf_in_english()
    {
        var (from, to, dir) = TwoVersions();
        var docx = Path.Combine(dir, "redline.docx");
        var pdf = Path.Combine(dir, "redline.pdf");

        var d = CliRunner.Run("diff", "--from", from, "--to", to, "--format", "docx", "--out", docx, "--author", "Works council secretary", "--lang", "en");
        var p = CliRunner.Run("diff", "--from", from, "--to", to, "--format", "pdf", "--out", pdf, "--lang", "en", "--only-changes");

        Assert.True(d.ExitCode == 0, d.Error);
        Assert.True(p.ExitCode == 0, p.Error);
        using (var zip = ZipFile.OpenRead(docx))
        {
            using var s = zip.GetEntry("word/document.xml")!.Open();
            var document = XDocument.Load(s);
            Assert.Contains(document.Descendants(W + "delText"), t => t.Value == "41837265");
            Assert.Contains(document.Descendants(W + "ins"), i => (string?)i.Attribute(W + "author") == "Works council secretary" && i.Value == "99887766");
            Assert.Contains(document.Descendants(W + "t"), t => t.Value.Contains("Changes from version bakkerij-1 to version bakkerij-2", StringComparison.Ordinal));
        }

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 5));
    }

    [Fact]
    public void A_missing_file_is_invalid_input_with_its_name_and_writes_nothing()
    {
        var (from, _, dir) = TwoVersions();
        var output = Path.Combine(dir, "redline.html");
        File.WriteAllText(output, "previous version");

        var r = CliRunner.Run("diff", "--from", from, "--to", Path.Combine(dir, "missing.yaml"), "--format", "html", "--out", output, "--lang", "en");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("missing.yaml: file: the file does not exist", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.Equal("previous version", File.ReadAllText(output));
        Assert.Equal(3, Directory.GetFiles(dir).Length);
    }

    [Fact]
    public void Errors_in_both_files_are_reported_at_once_in_dutch()
    {
        var (from, to, dir) = TwoVersions();
        File.WriteAllText(from, File.ReadAllText(from).Replace("working_hours: breaks", "working_hour: breaks", StringComparison.Ordinal));
        File.WriteAllText(to, File.ReadAllText(to).Replace("email: marieke@", "email: marieke-at-", StringComparison.Ordinal));

        var r = CliRunner.Run("diff", "--from", from, "--to", to, "--format", "pdf", "--out", Path.Combine(dir, "x.pdf"));

        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"bakkerij-1\.yaml:\d+: working_hour: onbekende vraag", r.Error);
        Assert.Matches(@"bakkerij-2\.yaml:\d+: escalation_contact\.email: .* is geen geldig e-mailadres", r.Error);
        Assert.False(File.Exists(Path.Combine(dir, "x.pdf")));
    }

    [Theory]
    [InlineData("diff", "--from", "a.yaml", "--to", "b.yaml", "--format", "odt", "--out", "x.odt")]
    [InlineData("diff", "--from", "a.yaml", "--to", "b.yaml", "--format", "md")]
    [InlineData("diff", "--from", "a.yaml", "--format", "html")]
    [InlineData("diff", "--from", "a.yaml", "--to", "b.yaml", "--lang", "fr")]
    public void Usage_errors_give_exit_code_2(params string[] args)
    {
        var r = CliRunner.Run(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--help", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_format_without_out_is_a_usage_error_in_the_language_asked_for()
    {
        var (from, to, _) = TwoVersions();

        var r = CliRunner.Run("diff", "--from", from, "--to", to, "--format", "docx", "--lang", "en");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--out is required for docx", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_without_out_goes_to_standard_output()
    {
        var (from, to, _) = TwoVersions();

        var r = CliRunner.Run("diff", "--from", from, "--to", to);

        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("<section class=\"redline\"", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_diff_and_its_options()
    {
        var top = CliRunner.Run("--help");
        var help = CliRunner.Run("diff", "--help");

        Assert.True(top.ExitCode == 0 && help.ExitCode == 0, top.Error + help.Error);
        Assert.Contains("diff", top.Out, StringComparison.Ordinal);
        foreach (var option in new[] { "--from", "--to", "--format", "--out", "--lang", "--from-label", "--to-label", "--author", "--only-changes" })
        {
            Assert.Contains(option, help.Out, StringComparison.Ordinal);
        }
    }
}
