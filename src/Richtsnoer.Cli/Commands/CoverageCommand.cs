using System.CommandLine;
using Richtsnoer.Core;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Cli.Commands;

public static class CoverageCommand
{
    public static Command Create()
    {
        var answers = Cli.AnswersOption();
        var lang = Cli.LanguageOption();
        var command = new Command("coverage", "Toon welke bepalingen de 25 onderwerpen dekken / show which clauses cover the 25 topics")
        {
            answers, lang,
        };

        command.SetAction(parse =>
        {
            var library = ContentLibrary.Default;
            var language = Cli.Lang(parse.GetValue(lang));
            var set = Cli.ReadAnswers(parse.GetValue(answers)!, library, language, Console.Error);
            if (set is null)
            {
                return Cli.InvalidInput;
            }

            var document = ProtocolAssembler.Assemble(library, set, new AssemblyOptions(language, RequireFullCoverage: false));
            var width = document.Coverage.Topics.Max(t => t.Topic.Name[language].Length);
            foreach (var t in document.Coverage.Topics)
            {
                var clauses = t.Covered ? string.Join(", ", t.ClauseNumbers) : (language == Language.Nl ? "NIET GEDEKT" : "NOT COVERED");
                Console.WriteLine($"{t.Topic.Number,2}. {t.Topic.Name[language].PadRight(width)}  {clauses}");
            }

            var covered = document.Coverage.Topics.Count(t => t.Covered);
            Console.WriteLine(language == Language.Nl
                ? $"{covered} van {document.Coverage.Topics.Count} onderwerpen gedekt"
                : $"{covered} of {document.Coverage.Topics.Count} topics covered");
            return document.Coverage.IsComplete ? Cli.Ok : Cli.InvalidInput;
        });

        return command;
    }
}
