using System.Text.Json;

namespace Richtsnoer.Cli.Tests;

/// <summary><c>check-post --jsonl</c>: many drafts, one checker, one answer line per draft line.</summary>
public class CheckPostJsonlTests
{
    [Fact]
    public void Every_draft_line_gets_its_own_answer_line_in_order()
    {
        var input = string.Join("\n",
            JsonSerializer.Serialize("Mooie dag vandaag."),
            """{"text": "Codekracht heeft een storing."}""",
            "",
            JsonSerializer.Serialize("Wat een kankerweer.\nEcht waar."));
        var r = CliRunner.RunWithInput(input + "\n", "check-post", "--answers", CliRunner.Example("ict"), "--jsonl");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(["green", "orange", "red"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("verdict").GetString()));
    }

    [Fact]
    public void A_jsonl_answer_is_the_same_as_the_single_json_answer()
    {
        const string draft = "Jan ligt met een hernia thuis, bel hem op 06-12345678.";
        var single = CliRunner.RunWithInput(draft, "check-post", "--answers", CliRunner.Example("ict"), "--json").Out.Trim();
        var many = CliRunner.RunWithInput(JsonSerializer.Serialize(draft) + "\n", "check-post", "--answers", CliRunner.Example("ict"), "--jsonl").Out.Trim();
        Assert.Equal(single, many);
    }

    [Fact]
    public void A_line_that_is_not_json_gets_an_error_line_and_the_rest_is_still_checked()
    {
        var input = "dit is geen json\n" + JsonSerializer.Serialize("Mooie dag.") + "\n{\"tekst\": 1}\n";
        var r = CliRunner.RunWithInput(input, "check-post", "--answers", CliRunner.Example("ict"), "--jsonl", "--lang", "en");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("JSON string", lines[0].GetProperty("error").GetString());
        Assert.Equal("green", lines[1].GetProperty("verdict").GetString());
        Assert.True(lines[2].TryGetProperty("error", out _));
    }
}
