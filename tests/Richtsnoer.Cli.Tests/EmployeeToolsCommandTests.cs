using System.Text.Json;

namespace Richtsnoer.Cli.Tests;

/// <summary>check-post, disclaimer and response-guide as a user runs them.</summary>
public class EmployeeToolsCommandTests
{
    public static TheoryData<string> Examples => new(CliRunner.Examples);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Check_post_json_has_the_documented_shape_for_each_example(string example)
    {
        const string draft = "Wat een kankerweer vandaag! Bel Jan op 06-12345678. Dit is vertrouwelijk.";
        foreach (var lang in new[] { "nl", "en" })
        {
            var r = CliRunner.RunWithInput(draft, "check-post", "--answers", CliRunner.Example(example), "--json", "--lang", lang);
            Assert.Equal(0, r.ExitCode);
            using var json = JsonDocument.Parse(r.Out);
            var root = json.RootElement;
            Assert.Equal(["verdict", "findings", "total"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("red", root.GetProperty("verdict").GetString());
            var categories = new List<string>();
            foreach (var f in root.GetProperty("findings").EnumerateArray())
            {
                Assert.Equal(["category", "start", "length", "message", "clause"], f.EnumerateObject().Select(p => p.Name));
                var start = f.GetProperty("start").GetInt32();
                var length = f.GetProperty("length").GetInt32();
                Assert.InRange(start + length, 1, draft.Length);
                Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("message").GetString()));
                Assert.Matches(@"^\d+\.\d+ ", f.GetProperty("clause").GetString());
                categories.Add(f.GetProperty("category").GetString()!);
            }

            Assert.Equal(["abusive", "personal-data", "confidential"], categories);
            var phone = root.GetProperty("findings")[1];
            Assert.Equal("06-12345678", draft.Substring(phone.GetProperty("start").GetInt32(), phone.GetProperty("length").GetInt32()));
        }
    }

    [Fact]
    public void Check_post_exits_0_for_every_verdict()
    {
        var answers = CliRunner.Example("ict");
        Assert.Contains("\"green\"", CliRunner.RunWithInput("Mooie dag vandaag.", "check-post", "--answers", answers, "--json").Out);
        var orange = CliRunner.RunWithInput("Codekracht heeft een storing.", "check-post", "--answers", answers, "--json");
        Assert.Equal(0, orange.ExitCode);
        Assert.Contains("\"orange\"", orange.Out);
        var text = CliRunner.RunWithInput("Codekracht heeft een storing.", "check-post", "--answers", answers);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("ORANJE", text.Out);
        Assert.Contains("Jeroen Hoekstra", text.Out);
    }

    [Fact]
    public void Check_post_offsets_are_utf16_code_units_of_the_input()
    {
        const string draft = "😀 ééé kanker!";
        var r = CliRunner.RunWithInput(draft, "check-post", "--answers", CliRunner.Example("ict"), "--json");
        using var json = JsonDocument.Parse(r.Out);
        var f = json.RootElement.GetProperty("findings")[0];
        Assert.Equal("kanker", draft.Substring(f.GetProperty("start").GetInt32(), f.GetProperty("length").GetInt32()));
    }

    [Fact]
    public void Check_post_rejects_invalid_input_with_exit_1()
    {
        var bad = Path.Combine(CliRunner.TempDir(), "bad.yaml");
        File.WriteAllText(bad, "org_name: x\n");
        var r = CliRunner.RunWithInput("hallo", "check-post", "--answers", bad, "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("bad.yaml", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Check_post_never_writes_the_draft_to_disk()
    {
        var dir = CliRunner.TempDir();
        var before = Directory.EnumerateFileSystemEntries(dir).Count();
        const string secret = "GEHEIM-7f3a Bel 06-12345678";
        CliRunner.RunWithInput(secret, "check-post", "--answers", CliRunner.Example("ict"), "--json");
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(dir).Count());
    }

    [Fact]
    public void Disclaimer_gives_text_and_a_short_bio()
    {
        var r = CliRunner.Run("disclaimer", "--name", "Sanne de Vries", "--year", "2027", "--answers", CliRunner.Example("zorg"), "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        Assert.Contains("© 2027 Sanne de Vries", json.RootElement.GetProperty("disclaimer").GetString());
        Assert.True(json.RootElement.GetProperty("bio").GetString()!.Length <= 160);
        Assert.True(json.RootElement.GetProperty("bio_length").GetInt32() <= 160);

        var en = CliRunner.Run("disclaimer", "--name", "Sam", "--org", "Acme", "--lang", "en");
        Assert.Equal(0, en.ExitCode);
        Assert.Contains("works at Acme", en.Out);
    }

    [Fact]
    public void Disclaimer_refuses_a_bio_over_160_characters()
    {
        var r = CliRunner.Run("disclaimer", "--name", new string('n', 90), "--org", new string('o', 90));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("160", r.Error);
        var none = CliRunner.Run("disclaimer", "--name", "Sam");
        Assert.Equal(1, none.ExitCode);
    }

    [Fact]
    public void Response_guide_walks_a_path_and_names_the_escalation_contact()
    {
        var byPath = CliRunner.Run("response-guide", "--answers", CliRunner.Example("zorg"), "--path", "1", "--json");
        Assert.Equal(0, byPath.ExitCode);
        using var json = JsonDocument.Parse(byPath.Out);
        Assert.Contains("Communicatie", json.RootElement.GetProperty("escalation_contact").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("steps").EnumerateArray());

        var asked = CliRunner.RunWithInput("2\n2\n1\n", "response-guide", "--answers", CliRunner.Example("bakkerij"));
        Assert.Equal(0, asked.ExitCode);
        Assert.Contains("Marieke Verhoef", asked.Out);

        var wrong = CliRunner.Run("response-guide", "--answers", CliRunner.Example("bakkerij"), "--path", "9");
        Assert.Equal(1, wrong.ExitCode);
        var ended = CliRunner.RunWithInput("", "response-guide", "--answers", CliRunner.Example("bakkerij"));
        Assert.Equal(1, ended.ExitCode);
    }
}
