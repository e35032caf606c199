using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Core.Tests;

/// <summary>Paths and loaders shared by the tests.</summary>
public static class TestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static ContentLibrary Library => ContentLibrary.Default;

    public static IEnumerable<string> ExampleFiles =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot, "examples", "answers"), "*.yaml").Order(StringComparer.Ordinal);

    public static TheoryData<string> Examples => new(ExampleFiles.Select(Path.GetFileNameWithoutExtension).OfType<string>());

    public static AnswerSet Example(string name)
    {
        var result = AnswersFile.Read(Path.Combine(RepoRoot, "examples", "answers", name + ".yaml"), Library);
        Assert.True(result.Ok, string.Join("\n", result.Errors.Select(e => e.Format(Language.En))));
        return result.Answers!;
    }

    /// <summary>Parses answers written inline in a test; fails the test on errors.</summary>
    public static AnswerSet Answers(string yaml)
    {
        var result = AnswersFile.Parse(yaml, "test.yaml", Library);
        Assert.True(result.Ok, string.Join("\n", result.Errors.Select(e => e.Format(Language.En))));
        return result.Answers!;
    }

    /// <summary>
    /// The smallest valid answers: only what is required, plus the English name of the one
    /// contact, so that the protocol can be assembled in English without mixing languages.
    /// </summary>
    public const string Minimal = """
        org_name: Testbedrijf B.V.
        sector: anders
        works_council: false
        escalation_contact: {name: Afdeling HR, name_en: HR department, email: hr@testbedrijf.nl, phone: 030-1234567}
        effective_date: 2027-01-01
        """;

    /// <summary>The notice monitoring needs besides its purpose: means, retention and access (in both languages).</summary>
    public const string MonitoringNotice = "\nmonitoring_means: {nl: een zoekdienst voor openbare berichten, en: a search service for public posts}"
        + "\nmonitoring_retention: {nl: drie maanden, en: three months}"
        + "\nmonitoring_access: {nl: de afdeling HR, en: the HR department}";

    /// <summary>What a collective agreement that regulates social media needs: its name and article.</summary>
    public const string CaoNames = "\ncao_name: cao Testsector\ncao_article: {nl: artikel 4.1, en: article 4.1}";

    private static string FindRoot()
    {
        var stamped = typeof(TestData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (stamped is not null && File.Exists(Path.Combine(stamped, "Richtsnoer.sln")))
        {
            return Path.GetFullPath(stamped);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Richtsnoer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
