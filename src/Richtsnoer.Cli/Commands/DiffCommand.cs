using System.CommandLine;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.Redline;
using Richtsnoer.Rendering.Redline;

namespace Richtsnoer.Cli.Commands;

/// <summary>The redline between the protocols of two answers files: HTML, PDF, or DOCX with tracked changes.</summary>
public static class DiffCommand
{
    public static Command Create()
    {
        var from = new Option<FileInfo>("--from")
        {
            Description = "Het antwoordenbestand van de oude versie / the answers file of the old version",
            Required = true,
        };
        var to = new Option<FileInfo>("--to")
        {
            Description = "Het antwoordenbestand van de nieuwe versie / the answers file of the new version",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "Uitvoerformaat / output format: " + string.Join(", ", RedlineRenderers.Formats) + " (docx: met bijgehouden wijzigingen / with tracked changes)",
            DefaultValueFactory = _ => "html",
        };
        format.AcceptOnlyFromAmong([.. RedlineRenderers.Formats]);
        var output = new Option<FileInfo?>("--out")
        {
            Description = "Het uitvoerbestand; zonder --out gaat html naar de standaarduitvoer / the output file; without --out html goes to standard output",
        };
        var lang = Cli.LanguageOption("Taal van het document / document language: nl of en (standaard: de eerste uit 'languages' van --to)");
        var fromLabel = new Option<string?>("--from-label") { Description = "Naam van de oude versie, bv. 1.0 (standaard: de bestandsnaam) / label of the old version, e.g. 1.0 (default: the file name)" };
        var toLabel = new Option<string?>("--to-label") { Description = "Naam van de nieuwe versie, bv. 2.0 (standaard: de bestandsnaam) / label of the new version, e.g. 2.0 (default: the file name)" };
        var author = new Option<string>("--author")
        {
            Description = "Auteur van de bijgehouden wijzigingen / author of the tracked changes",
            DefaultValueFactory = _ => "Richtsnoer",
        };
        var onlyChanges = new Option<bool>("--only-changes")
        {
            Description = "Ongewijzigde bepalingen alleen met hun titel (html, pdf) / unchanged clauses by their title only (html, pdf)",
        };

        var command = new Command("diff", "Vergelijk de protocollen van twee antwoordenbestanden / compare the protocols of two answers files")
        {
            from, to, format, output, lang, fromLabel, toLabel, author, onlyChanges,
        };

        command.SetAction(parse =>
        {
            var library = ContentLibrary.Default;
            var messageLanguage = Cli.Lang(parse.GetValue(lang));
            var fromFile = parse.GetValue(from)!;
            var toFile = parse.GetValue(to)!;

            // Both files are read, so every error in either is reported at once.
            var oldAnswers = Cli.ReadAnswers(fromFile, library, messageLanguage, Console.Error);
            var newAnswers = Cli.ReadAnswers(toFile, library, messageLanguage, Console.Error);
            if (oldAnswers is null || newAnswers is null)
            {
                return Cli.InvalidInput;
            }

            var renderer = RedlineRenderers.For(parse.GetValue(format)!)!;
            var language = parse.GetValue(lang) is { } code
                ? Cli.Lang(code)
                : Cli.Lang(AnswerDefaults.Apply(newAnswers, library).List("languages").FirstOrDefault());
            var outFile = parse.GetValue(output);
            if (outFile is null && renderer.Format != "html")
            {
                Console.Error.WriteLine(language == Language.Nl
                    ? $"--out is nodig voor {renderer.Format}: dat formaat is niet leesbaar in een terminal"
                    : $"--out is required for {renderer.Format}: that format cannot be shown in a terminal");
                return Cli.UsageError;
            }

            var current = fromFile;
            try
            {
                var today = DateOnly.FromDateTime(DateTime.Today);
                var oldLabel = parse.GetValue(fromLabel) ?? Path.GetFileNameWithoutExtension(fromFile.Name);
                var newLabel = parse.GetValue(toLabel) ?? Path.GetFileNameWithoutExtension(toFile.Name);
                var oldDocument = ProtocolAssembler.Assemble(library, oldAnswers, new AssemblyOptions(language, oldLabel, today));
                current = toFile;
                var newDocument = ProtocolAssembler.Assemble(library, newAnswers, new AssemblyOptions(language, newLabel, today));
                var input = new RedlineInput(
                    RedlineComparer.Compare(oldDocument, newDocument), oldLabel, newLabel, parse.GetValue(author)!, DateTimeOffset.UtcNow, language,
                    ShowUnchanged: !parse.GetValue(onlyChanges));

                if (outFile is null)
                {
                    using var stdout = Console.OpenStandardOutput();
                    renderer.Render(input, stdout);
                }
                else
                {
                    Cli.WriteAtomically(outFile.ToString(), s => renderer.Render(input, s));
                }

                return Cli.Ok;
            }
            catch (AssemblyException e)
            {
                Console.Error.WriteLine($"{current}: {e.Format(language)}");
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
