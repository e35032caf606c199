using System.Globalization;
using System.Text;
using Richtsnoer.Core.PostCheck;
using YamlDotNet.RepresentationModel;

namespace Richtsnoer.Core.Tests.PostCheck;

/// <summary>
/// Runs the labelled corpora and prints verdict accuracy and precision/recall per category.
/// The development corpus (corpus.yaml) must reach 95% verdict accuracy and 0.9 precision per
/// category. The held-out corpus (corpus-heldout.yaml) was written after the rules and is only
/// reported, never tuned on. Run:
/// dotnet test tests/Richtsnoer.Core.Tests --filter "FullyQualifiedName~CorpusTests" --logger "console;verbosity=detailed"
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    public sealed record Post(int Line, string Org, string Text, Verdict Verdict, IReadOnlySet<CheckCategory> Categories);

    public sealed record Scores(int Posts, int VerdictCorrect, IReadOnlyDictionary<CheckCategory, (int Tp, int Fp, int Fn)> PerCategory, IReadOnlyList<string> Mistakes)
    {
        public double Accuracy => Posts == 0 ? 0 : (double)VerdictCorrect / Posts;

        public static double Precision((int Tp, int Fp, int Fn) c) => c.Tp + c.Fp == 0 ? 1 : (double)c.Tp / (c.Tp + c.Fp);

        public static double Recall((int Tp, int Fp, int Fn) c) => c.Tp + c.Fn == 0 ? 1 : (double)c.Tp / (c.Tp + c.Fn);
    }

    public static IReadOnlyList<Post> Load(string file) =>
        LoadFile(Path.Combine(TestData.RepoRoot, "tests", "Richtsnoer.Core.Tests", "PostCheck", file), null);

    /// <summary>
    /// Reads a file of labelled posts (corpus or evaluation set): each post's verdict must follow
    /// from its categories. <paramref name="org"/> is the organisation of every post, else each
    /// post names its own (<c>org:</c>).
    /// </summary>
    public static IReadOnlyList<Post> LoadFile(string path, string? org)
    {
        var file = Path.GetFileName(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var posts = new List<Post>();
        foreach (var node in ((YamlSequenceNode)root.Children[new YamlScalarNode("posts")]).Children.Cast<YamlMappingNode>())
        {
            string Str(string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value ?? "";
            var verdict = Str("verdict") switch
            {
                "green" => Verdict.Green,
                "orange" => Verdict.Orange,
                "red" => Verdict.Red,
                var v => throw new InvalidDataException($"{file}:{node.Start.Line}: unknown verdict '{v}'"),
            };
            var cats = new HashSet<CheckCategory>();
            foreach (var c in ((YamlSequenceNode)node.Children[new YamlScalarNode("cats")]).Children.Cast<YamlScalarNode>())
            {
                if (!Categories.TryParse(c.Value, out var category))
                {
                    throw new InvalidDataException($"{file}:{node.Start.Line}: unknown category '{c.Value}'");
                }

                cats.Add(category);
            }

            var expected = cats.Count == 0 ? Verdict.Green : cats.Max(c => c.Severity());
            if (expected != verdict)
            {
                throw new InvalidDataException($"{file}:{node.Start.Line}: verdict {verdict} does not follow from the categories");
            }

            posts.Add(new Post((int)node.Start.Line, org ?? Str("org"), Str("text"), verdict, cats));
        }

        return posts;
    }

    public static Scores Score(IReadOnlyList<Post> posts)
    {
        var per = Categories.All.ToDictionary(c => c, _ => (Tp: 0, Fp: 0, Fn: 0));
        var correct = 0;
        var mistakes = new List<string>();
        foreach (var post in posts)
        {
            var result = PostCheckFixture.Check(post.Text, post.Org, Language.Nl);
            var found = result.CategoriesFound;
            if (result.Verdict == post.Verdict)
            {
                correct++;
            }

            foreach (var c in Categories.All)
            {
                var (tp, fp, fn) = per[c];
                per[c] = (found.Contains(c), post.Categories.Contains(c)) switch
                {
                    (true, true) => (tp + 1, fp, fn),
                    (true, false) => (tp, fp + 1, fn),
                    (false, true) => (tp, fp, fn + 1),
                    _ => (tp, fp, fn),
                };
            }

            if (result.Verdict != post.Verdict || !found.SetEquals(post.Categories))
            {
                mistakes.Add($"line {post.Line} [{post.Org}] expected {post.Verdict.Id()} {{{string.Join(",", post.Categories.Select(c => c.Id()))}}}, got {PostCheckFixture.Describe(result, post.Text)} :: {post.Text}");
            }
        }

        return new Scores(posts.Count, correct, per, mistakes);
    }

    public static string Report(string title, Scores s)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"{title}: {s.Posts} posts, verdict accuracy {s.Accuracy:P1} ({s.VerdictCorrect}/{s.Posts})");
        sb.AppendLine("| category | posts | precision | recall |");
        sb.AppendLine("|---|---:|---:|---:|");
        foreach (var (c, counts) in s.PerCategory)
        {
            sb.AppendLine(inv, $"| {c.Id()} | {counts.Tp + counts.Fn} | {Scores.Precision(counts):0.00} ({counts.Tp}/{counts.Tp + counts.Fp}) | {Scores.Recall(counts):0.00} ({counts.Tp}/{counts.Tp + counts.Fn}) |");
        }

        return sb.ToString();
    }

    [Fact]
    public void Development_corpus_meets_the_targets()
    {
        var posts = Load("corpus.yaml");
        var scores = Score(posts);
        output.WriteLine(Report("Development corpus (corpus.yaml)", scores));
        foreach (var m in scores.Mistakes)
        {
            output.WriteLine(m);
        }

        Assert.True(posts.Count >= 200, $"the corpus has {posts.Count} posts; at least 200 are needed");
        Assert.True(scores.Accuracy >= 0.95, $"verdict accuracy {scores.Accuracy:P1} is below 95%");
        foreach (var (c, counts) in scores.PerCategory)
        {
            Assert.True(Scores.Precision(counts) >= 0.9, $"precision of {c.Id()} is {Scores.Precision(counts):0.00}, below 0.9");
        }
    }

    [Fact]
    public void Held_out_corpus_is_reported()
    {
        var path = Path.Combine(TestData.RepoRoot, "tests", "Richtsnoer.Core.Tests", "PostCheck", "corpus-heldout.yaml");
        if (!File.Exists(path))
        {
            output.WriteLine("No held-out corpus yet.");
            return;
        }

        var scores = Score(Load("corpus-heldout.yaml"));
        output.WriteLine(Report("Held-out corpus (corpus-heldout.yaml, never tuned on)", scores));
        foreach (var m in scores.Mistakes)
        {
            output.WriteLine(m);
        }

        Assert.True(scores.Posts > 0);
    }
}
