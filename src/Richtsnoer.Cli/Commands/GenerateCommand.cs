using System.CommandLine;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Rendering;

namespace Richtsnoer.Cli.Commands;

public static class GenerateCommand
{
    public static Command Create()
    {
        var answers = Cli.AnswersOption();
        var format = new Option<string>("--format")
        {
            Description = "Uitvoerformaat / output format: " + string.Join(", ", Renderers.Formats),
            DefaultValueFactory = _ => "html",
        };
        format.AcceptOnlyFromAmong([.. Renderers.Formats]);
        var lang = Cli.LanguageOption("Taal van het document / document language: nl of en (standaard: de eerste uit 'languages')");
        var output = new Option<FileInfo?>("--out")
        {
            Description = "Het uitvoerbestand; zonder --out gaat md/html naar de standaarduitvoer / the output file; without --out md/html go to standard output",
        };
        var summary = new Option<bool>("--summary")
        {
            Description = "Alleen de samenvatting van één pagina voor medewerkers / only the one-page staff summary",
        };
        var version = new Option<string>("--version-label")
        {
            Description = "Het versienummer in het document / the version shown in the document",
            DefaultValueFactory = _ => "1.0",
        };

        var command = new Command("generate", "Stel het protocol op uit een antwoordenbestand / assemble the protocol from an answers file")
        {
            answers, format, lang, output, summary, version,
        };

        command.SetAction(parse =>
        {
            var library = ContentLibrary.Default;
            var messageLanguage = Cli.Lang(parse.GetValue(lang));
            var set = Cli.ReadAnswers(parse.GetValue(answers)!, library, messageLanguage, Console.Error);
            if (set is null)
            {
                return Cli.InvalidInput;
            }

            var renderer = Renderers.For(parse.GetValue(format)!)!;
            var documentLanguage = parse.GetValue(lang) is { } code
                ? Cli.Lang(code)
                : Cli.Lang(AnswerDefaults.Apply(set, library).List("languages").FirstOrDefault());
            var outFile = parse.GetValue(output);
            if (outFile is null && renderer.Format is not ("md" or "html"))
            {
                Console.Error.WriteLine(documentLanguage == Language.Nl
                    ? $"--out is nodig voor {renderer.Format}: dat formaat is niet leesbaar in een terminal"
                    : $"--out is required for {renderer.Format}: that format cannot be shown in a terminal");
                return Cli.UsageError;
            }

            try
            {
                var options = new AssemblyOptions(documentLanguage, parse.GetValue(version)!, DateOnly.FromDateTime(DateTime.Today));
                var document = ProtocolAssembler.Assemble(library, set, options);
                if (parse.GetValue(summary))
                {
                    document = SummaryAssembler.Assemble(library, set, document);
                }

                if (outFile is null)
                {
                    using var stdout = Console.OpenStandardOutput();
                    renderer.Render(document, stdout);
                }
                else
                {
                    Cli.WriteAtomically(outFile.ToString(), s => renderer.Render(document, s));
                }

                return Cli.Ok;
            }
            catch (AssemblyException e)
            {
                Console.Error.WriteLine($"{parse.GetValue(answers)}: {e.Format(documentLanguage)}");
                return Cli.InvalidInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{outFile}: {e.Message}");
                return Cli.InvalidInput;
            }
        });

        return command;
    }
}
