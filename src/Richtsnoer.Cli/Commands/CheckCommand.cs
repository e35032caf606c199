using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Quality;

namespace Richtsnoer.Cli.Commands;

/// <summary>
/// <c>check --answers FILE [--json] [--lang nl|en]</c>: readability scores and legal-risk
/// findings. Exit code 1 only when there are errors (or the answers file is invalid).
/// </summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var answers = Cli.AnswersOption();
        var json = new Option<bool>("--json") { Description = "Uitvoer als JSON / output as JSON" };
        var lang = Cli.LanguageOption("Taal van de meldingen / language of the report: nl of en (standaard: nl)");
        var threshold = new Option<double?>("--threshold")
        {
            Description = "Leesbaarheidsgrens per hoofdstuk / readability threshold per section (standaard/default 60)",
        };
        var budget = new Option<int?>("--word-budget")
        {
            Description = "Maximaal aantal woorden in de hoofdstukken / word budget for the chapters (standaard/default 3000)",
        };

        var command = new Command("check", "Controleer leesbaarheid en juridische risico's / check readability and legal risks")
        {
            answers, json, lang, threshold, budget,
        };

        command.SetAction(parse =>
        {
            var library = ContentLibrary.Default;
            var language = Cli.Lang(parse.GetValue(lang));
            var file = parse.GetValue(answers)!;
            var set = Cli.ReadAnswers(file, library, language, Console.Error);
            if (set is null)
            {
                return Cli.InvalidInput;
            }

            var options = QualityOptions.Default;
            if (parse.GetValue(threshold) is { } t)
            {
                options = options with { SectionThreshold = t, DocumentThreshold = t };
            }

            if (parse.GetValue(budget) is { } b)
            {
                options = options with { WordBudget = b };
            }

            var report = QualityChecker.Run(library, set, QualityPatterns.Load(library.RootDirectory), options);
            var organisation = AnswerDefaults.Apply(set, library).Text("org_name") ?? "";
            Console.Out.Write(parse.GetValue(json)
                ? Json(report, language, file.Name, organisation)
                : Text(report, language, file.Name, organisation));
            return report.HasErrors ? Cli.InvalidInput : Cli.Ok;
        });

        return command;
    }

    /// <summary>The report as plain text, in one language.</summary>
    public static string Text(QualityReport report, Language language, string fileName, string organisation)
    {
        var nl = language == Language.Nl;
        var culture = language.Culture();
        string N(double? d) => d is { } v ? v.ToString("0.0", culture) : "-";
        var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };

        w.WriteLine(nl ? $"Kwaliteitscontrole: {organisation} ({fileName})" : $"Quality check: {organisation} ({fileName})");
        foreach (var doc in report.Readability)
        {
            var d = doc.Document;
            w.WriteLine();
            w.WriteLine(nl
                ? $"Leesbaarheid, {(doc.Language == Language.Nl ? "Nederlandse" : "Engelse")} tekst"
                : $"Readability, {(doc.Language == Language.Nl ? "Dutch" : "English")} text");
            var second = doc.Language == Language.Nl ? $"Brouwer {N(d.Brouwer)}, LIX {N(d.Lix)}" : $"LIX {N(d.Lix)}";
            w.WriteLine(nl
                ? $"  Geheel: {d.ScoreName} {N(d.Score)} ({d.Band?[language]}); {second}; {doc.Words} woorden, {d.Statistics.Sentences} zinnen; leestijd ongeveer {doc.ReadingMinutes} minuten"
                : $"  Whole: {d.ScoreName} {N(d.Score)} ({d.Band?[language]}); {second}; {doc.Words} words, {d.Statistics.Sentences} sentences; about {doc.ReadingMinutes} minutes to read");
            var titleWidth = Math.Min(48, doc.Sections.Max(s => s.Label.Length + 1 + s.Title.Length));
            var scoreHeader = doc.Language == Language.Nl ? "Douma" : "FRE";
            w.WriteLine($"  {(nl ? "Hoofdstuk" : "Section").PadRight(titleWidth)}  {(nl ? "woorden" : "words"),7}  {(nl ? "zinnen" : "sentences"),9}  {scoreHeader,6}  {"LIX",5}");
            foreach (var s in doc.Sections)
            {
                var title = $"{s.Label} {s.Title}";
                if (title.Length > titleWidth)
                {
                    title = title[..(titleWidth - 3)] + "...";
                }

                var st = s.Scores.Statistics;
                w.WriteLine($"  {title.PadRight(titleWidth)}  {st.Words,7}  {st.Sentences,9}  {N(s.Scores.Score),6}  {N(s.Scores.Lix),5}");
            }
        }

        w.WriteLine();
        w.WriteLine(nl
            ? $"Bevindingen: {report.Count(Severity.Error)} fouten, {report.Count(Severity.Warning)} waarschuwingen, {report.Count(Severity.Info)} ter informatie"
            : $"Findings: {report.Count(Severity.Error)} errors, {report.Count(Severity.Warning)} warnings, {report.Count(Severity.Info)} for information");
        foreach (var f in report.Findings)
        {
            w.WriteLine();
            w.WriteLine($"  [{f.Severity.Label()[language]}] {f.Id}: {f.Message[language]}");
            w.WriteLine($"    {(nl ? "Waarom" : "Why")}: {f.Explanation[language]}");
            w.WriteLine($"    {(nl ? "Grondslag" : "Basis")}: {f.Check.Basis[language]}");
            w.WriteLine($"    {(nl ? "Oplossing" : "Fix")}: {f.Fix[language]}");
            if (f.Where is not null)
            {
                w.WriteLine($"    {(nl ? "Waar" : "Where")}: {f.Where}");
            }
        }

        w.WriteLine();
        w.WriteLine((nl ? "Zonder bevindingen: " : "Passed: ") + string.Join(", ", report.Passed.Select(c => c.Id)));
        w.WriteLine(report.HasErrors
            ? (nl ? "Resultaat: er zijn fouten; los die eerst op." : "Result: there are errors; fix them first.")
            : (nl ? "Resultaat: geen fouten." : "Result: no errors."));
        return w.ToString();
    }

    /// <summary>The report as JSON: scores with one decimal, texts in the chosen language.</summary>
    public static string Json(QualityReport report, Language language, string fileName, string organisation)
    {
        static JsonNode? R(double? d) => d is { } v ? JsonValue.Create(Math.Round(v, 1)) : null;

        JsonObject Scores(ReadabilityScores s) => new()
        {
            ["words"] = s.Statistics.Words,
            ["sentences"] = s.Statistics.Sentences,
            ["syllables"] = s.Statistics.Syllables,
            ["longWords"] = s.Statistics.LongWords,
            ["fleschDouma"] = R(s.FleschDouma),
            ["brouwer"] = R(s.Brouwer),
            ["fleschReadingEase"] = R(s.FleschReadingEase),
            ["lix"] = R(s.Lix),
            ["band"] = s.Band?[language],
        };

        var root = new JsonObject
        {
            ["file"] = fileName,
            ["organisation"] = organisation,
            ["language"] = language.Code(),
            ["ok"] = !report.HasErrors,
            ["counts"] = new JsonObject
            {
                ["error"] = report.Count(Severity.Error),
                ["warning"] = report.Count(Severity.Warning),
                ["info"] = report.Count(Severity.Info),
            },
            ["readability"] = new JsonArray([.. report.Readability.Select(d =>
            {
                var o = Scores(d.Document);
                o.Insert(0, "language", d.Language.Code());
                o["mainWords"] = d.MainWords;
                o["readingMinutes"] = d.ReadingMinutes;
                o["sections"] = new JsonArray([.. d.Sections.Select(s =>
                {
                    var so = Scores(s.Scores);
                    so.Insert(0, "id", s.SectionId);
                    so.Insert(1, "label", s.Label);
                    so.Insert(2, "title", s.Title);
                    so.Insert(3, "appendix", s.IsAppendix);
                    return (JsonNode)so;
                })]);
                return (JsonNode)o;
            })]),
            ["findings"] = new JsonArray([.. report.Findings.Select(f => (JsonNode)new JsonObject
            {
                ["id"] = f.Id,
                ["severity"] = f.Severity.Code(),
                ["title"] = f.Check.Title[language],
                ["message"] = f.Message[language],
                ["explanation"] = f.Explanation[language],
                ["basis"] = f.Check.Basis[language],
                ["fix"] = f.Fix[language],
                ["where"] = f.Where,
            })]),
            ["passed"] = new JsonArray([.. report.Passed.Select(c => (JsonNode)JsonValue.Create(c.Id))]),
        };

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
