using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Quality;

/// <summary>
/// Readability and legal-risk checks for one organisation's answers. Pure: no I/O, no clock.
/// Assembly stays separate; <see cref="Run"/> only calls it for convenience.
/// </summary>
public static class QualityChecker
{
    /// <summary>
    /// Assembles the protocol in every language the answers ask for (Dutch when none) and checks
    /// it. A protocol that cannot be assembled becomes an error finding; the checks on the answers
    /// still run.
    /// </summary>
    public static QualityReport Run(ContentLibrary library, AnswerSet answers, QualityPatterns patterns, QualityOptions? options = null)
    {
        var effective = AnswerDefaults.Apply(answers, library);
        var languages = effective.List("languages").Select(code => LanguageExtensions.TryParse(code, out var l) ? l : (Language?)null)
            .OfType<Language>().Distinct().ToList();
        if (languages.Count == 0)
        {
            languages.Add(Language.Nl);
        }

        var documents = new List<ProtocolDocument>();
        var problems = new List<AssemblyProblem>();
        foreach (var language in languages)
        {
            try
            {
                documents.Add(ProtocolAssembler.Assemble(library, answers, new AssemblyOptions(language, GeneratedOn: new DateOnly(2000, 1, 1))));
            }
            catch (AssemblyException e)
            {
                problems.AddRange(e.Problems.Where(p => !problems.Contains(p)));
            }
        }

        var report = Check(new QualityInput(library, answers, documents, patterns, options ?? QualityOptions.Default));
        if (problems.Count == 0)
        {
            return report;
        }

        var finding = new Finding(
            QualityChecks.Assembly,
            Severity.Error,
            new("Het protocol kan niet worden samengesteld: " + string.Join("; ", problems.Select(p => p.Message.Nl)) + ".",
                "The protocol cannot be assembled: " + string.Join("; ", problems.Select(p => p.Message.En)) + "."),
            new("Zonder volledig protocol kunnen de leesbaarheid en de bepalingen zelf niet worden beoordeeld.",
                "Without a complete protocol, neither its readability nor its clauses can be assessed."),
            new("Vul de ontbrekende antwoorden in.", "Fill in the missing answers."));
        return report with { Findings = [finding, .. report.Findings] };
    }

    /// <summary>Checks answers and documents that have already been assembled.</summary>
    public static QualityReport Check(QualityInput input)
    {
        var effective = AnswerDefaults.Apply(input.Answers, input.Library);
        var context = new CheckContext(input, effective);
        var findings = new List<Finding>();
        findings.AddRange(LegalChecks.Run(context));

        var readability = input.Documents.Select(d => ReadabilityAnalyser.Analyse(d, input.Options)).ToList();
        findings.AddRange(ReadabilityChecks.Run(context, readability));

        var order = QualityChecks.All.Select((c, i) => (c, i)).ToDictionary(x => x.c.Id, x => x.i);
        var sorted = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => order.GetValueOrDefault(f.Id, int.MaxValue))
            .ToList();
        return new QualityReport(readability, sorted, QualityChecks.All);
    }
}

/// <summary>Everything a check may look at.</summary>
internal sealed partial record CheckContext(QualityInput Input, AnswerSet Effective)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"[\s,]+(b\.?\s?v\.?|n\.?\s?v\.?|v\.?o\.?f\.?|c\.?v\.?|u\.?a\.?|ltd\.?|inc\.?|gmbh)\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LegalForm();

    public ContentLibrary Library => Input.Library;

    public IReadOnlyList<ProtocolDocument> Documents => Input.Documents;

    public QualityOptions Options => Input.Options;

    public QualityPatterns Patterns => Input.Patterns;

    /// <summary>
    /// The organisation's names, so that rules about "{name}" are recognised: the short names,
    /// and the full name with and without its legal form (B.V., N.V., ...).
    /// </summary>
    public IReadOnlyList<string> OrganisationNames
    {
        get
        {
            var names = new List<string>(Effective.List("org_short_names"));
            if (Effective.Text("org_name") is { } full)
            {
                names.Add(full);
                var bare = LegalForm().Replace(full, "").Trim();
                if (bare.Length > 0 && bare != full)
                {
                    names.Add(bare);
                }
            }

            return names;
        }
    }

    /// <summary>Whether the assembled documents have a clause on this topic; null when there is no document.</summary>
    public bool? Covers(string topic) =>
        Documents.Count == 0 ? null : Documents.All(d => d.AllClauses.Any(c => c.Topics.Contains(topic)));
}
