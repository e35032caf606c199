using System.CommandLine;
using System.Text;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Cli.Commands;

public static class AnswersCommand
{
    public static Command Create() =>
        new("answers", "Werk met antwoordenbestanden / work with answers files") { Init(), Validate() };

    private static Command Init()
    {
        var output = new Option<FileInfo?>("--out") { Description = "Waar het bestand komt (zonder --out: standaarduitvoer) / where to write it (default: standard output)" };
        var force = new Option<bool>("--force") { Description = "Een bestaand bestand overschrijven / overwrite an existing file" };
        var lang = Cli.LanguageOption("Taal van het commentaar / language of the comments: nl of en");
        var command = new Command("init", "Schrijf een voorbeeldbestand met uitleg bij elke vraag / write an example answers file with every question explained")
        {
            output, force, lang,
        };
        command.SetAction(parse =>
        {
            var language = Cli.Lang(parse.GetValue(lang));
            var text = Template(ContentLibrary.Default, language);
            if (parse.GetValue(output) is not { } file)
            {
                Console.Out.Write(text);
                return Cli.Ok;
            }

            if (file.Exists && !parse.GetValue(force))
            {
                Console.Error.WriteLine(language == Language.Nl
                    ? $"{file}: bestaat al; kies een andere naam of gebruik --force"
                    : $"{file}: already exists; choose another name or use --force");
                return Cli.InvalidInput;
            }

            Cli.WriteAtomically(file.ToString(), s => s.Write(new UTF8Encoding(false).GetBytes(text)));
            Console.Error.WriteLine(language == Language.Nl ? $"Geschreven: {file}" : $"Written: {file}");
            return Cli.Ok;
        });
        return command;
    }

    private static Command Validate()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Het antwoordenbestand / the answers file" };
        var lang = Cli.LanguageOption();
        var command = new Command("validate", "Controleer een antwoordenbestand / check an answers file") { file, lang };
        command.SetAction(parse =>
        {
            var language = Cli.Lang(parse.GetValue(lang));
            var path = parse.GetValue(file)!;
            var result = AnswersFileCheck.ReadFile(path.ToString(), ContentLibrary.Default);
            foreach (var e in result.Errors)
            {
                Console.Error.WriteLine(e.Format(language));
            }

            if (!result.Ok)
            {
                return Cli.InvalidInput;
            }

            Console.WriteLine(language == Language.Nl ? $"{path}: in orde" : $"{path}: valid");
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>
    /// An answers file with every question of the interview, its help text and choices as
    /// comments, filled with the example organisation of content/interview/example.yaml.
    /// </summary>
    public static string Template(ContentLibrary library, Language language)
    {
        var examplePath = Path.Combine(library.RootDirectory, "interview", "example.yaml");
        var example = AnswersFile.Read(examplePath, library).Answers ?? AnswerSet.Empty;
        var sb = new StringBuilder();
        sb.Append(language == Language.Nl
            ? "# Richtsnoer-antwoordenbestand. Pas de antwoorden aan en maak het protocol met:\n#   richtsnoer generate --answers DIT-BESTAND --format html --out protocol.html\n# Een regel die met # begint is uitleg. Lege of weggelaten vragen krijgen de standaardwaarde.\n"
            : "# Richtsnoer answers file. Change the answers, then build the protocol with:\n#   richtsnoer generate --answers THIS-FILE --format html --out protocol.html\n# Lines starting with # are explanations. Empty or missing questions get their default.\n");
        foreach (var step in library.Interview.Steps)
        {
            sb.Append("\n# ===== ").Append(step.Title[language]).Append(" =====\n");
            foreach (var q in step.Questions)
            {
                sb.Append('\n');
                Comment(sb, q.Label[language] + (q.Required ? (language == Language.Nl ? " (verplicht)" : " (required)") : ""));
                if (q.Help[language].Length > 0)
                {
                    Comment(sb, q.Help[language]);
                }

                if (q.Options.Count > 0)
                {
                    Comment(sb, (language == Language.Nl ? "Keuzes: " : "Choices: ") + string.Join(", ", q.Options.Select(o => $"{o.Id} = {o.Label[language]}")));
                }

                Comment(sb, TypeHint(q, language));
                var value = example.Get(q.Id);
                if (value is null)
                {
                    sb.Append("# ").Append(q.Id).Append(":\n");
                }
                else
                {
                    sb.Append(AnswersFile.Write(new AnswerSet(new Dictionary<string, AnswerValue> { [q.Id] = value }), library)
                        .Split('\n', 2)[1]);
                }
            }
        }

        return sb.ToString();
    }

    private static string TypeHint(Question q, Language language) => (q.Type, language) switch
    {
        (QuestionType.Date, Language.Nl) => "Een datum: JJJJ-MM-DD",
        (QuestionType.Date, _) => "A date: YYYY-MM-DD",
        (QuestionType.YesNo, _) => "true / false",
        (QuestionType.List, Language.Nl) => "Een lijst: elke regel begint met '  - '",
        (QuestionType.List, _) => "A list: each line starts with '  - '",
        (QuestionType.Multi, Language.Nl) => "Eén of meer keuzes, als lijst: [a, b]",
        (QuestionType.Multi, _) => "One or more choices, as a list: [a, b]",
        (QuestionType.Contact, Language.Nl) => "name (afdeling of persoon), email, phone",
        (QuestionType.Contact, _) => "name (department or person), email, phone",
        (QuestionType.Number, Language.Nl) => "Een heel getal",
        (QuestionType.Number, _) => "A whole number",
        (_, Language.Nl) => "Tekst",
        _ => "Text",
    };

    private static void Comment(StringBuilder sb, string text)
    {
        var line = new StringBuilder("#");
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length + word.Length + 1 > 96 && line.Length > 1)
            {
                sb.Append(line).Append('\n');
                line.Clear().Append('#');
            }

            line.Append(' ').Append(word);
        }

        sb.Append(line).Append('\n');
    }
}
