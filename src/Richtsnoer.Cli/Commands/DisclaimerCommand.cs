using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.EmployeeTools;

namespace Richtsnoer.Cli.Commands;

/// <summary>
/// <c>disclaimer --name NAME [--year YEAR] (--answers FILE | --org NAME) [--lang nl|en] [--json]</c>:
/// the personal-blog disclaimer and a bio line of at most 160 characters.
/// </summary>
public static class DisclaimerCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Je naam / your name", Required = true };
        var year = new Option<int?>("--year") { Description = "Jaartal voor het copyright / year for the copyright (standaard/default: dit jaar / this year)" };
        var answers = new Option<FileInfo?>("--answers") { Description = "Het antwoordenbestand van de organisatie / the organisation's answers file" };
        var org = new Option<string?>("--org") { Description = "Naam van de organisatie, zonder antwoordenbestand / the organisation's name, without an answers file" };
        var lang = Cli.LanguageOption("Taal / language: nl of en (standaard: nl)");
        var json = new Option<bool>("--json") { Description = "Uitvoer als JSON / output as JSON" };
        var command = new Command("disclaimer", "Maak de disclaimer voor je eigen blog en een korte bio / make the disclaimer for your own blog and a short bio")
        {
            name, year, answers, org, lang, json,
        };

        command.SetAction(parse =>
        {
            var library = ContentLibrary.Default;
            var language = Cli.Lang(parse.GetValue(lang));
            var y = parse.GetValue(year) ?? DateTime.Now.Year;
            DisclaimerOutcome outcome;
            if (parse.GetValue(answers) is { } file)
            {
                var set = Cli.ReadAnswers(file, library, language, Console.Error);
                if (set is null)
                {
                    return Cli.InvalidInput;
                }

                outcome = DisclaimerGenerator.ForOrganisation(library, AnswerDefaults.Apply(set, library), language, parse.GetValue(name), y);
            }
            else if (parse.GetValue(org) is { } organisation)
            {
                outcome = DisclaimerGenerator.Generate(library.Disclaimer, language, parse.GetValue(name), y, organisation);
            }
            else
            {
                Console.Error.WriteLine(language == Language.Nl
                    ? "Geef --answers (het antwoordenbestand) of --org (de naam van de organisatie)."
                    : "Give --answers (the answers file) or --org (the organisation's name).");
                return Cli.InvalidInput;
            }

            if (!outcome.Ok)
            {
                foreach (var p in outcome.Problems)
                {
                    Console.Error.WriteLine(p[language]);
                }

                return Cli.InvalidInput;
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(
                    new { disclaimer = outcome.Disclaimer, bio = outcome.Bio, bio_length = outcome.BioLength },
                    new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }
            else
            {
                var nl = language == Language.Nl;
                Console.Out.WriteLine(nl ? "Disclaimer voor je blog:" : "Disclaimer for your blog:");
                Console.Out.WriteLine(outcome.Disclaimer);
                Console.Out.WriteLine();
                Console.Out.WriteLine(nl ? $"Bio ({outcome.BioLength} tekens):" : $"Bio ({outcome.BioLength} characters):");
                Console.Out.WriteLine(outcome.Bio);
            }

            return Cli.Ok;
        });

        return command;
    }
}
