using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.EmployeeTools;

namespace Richtsnoer.Cli.Commands;

/// <summary>
/// <c>response-guide --answers FILE [--path 2,1 | --situation ID] [--lang nl|en] [--json]</c>:
/// how to react to a post about the organisation. Without --path or --situation it asks its
/// questions one by one (answer with the number).
/// </summary>
public static class ResponseGuideCommand
{
    public static Command Create()
    {
        var answers = Cli.AnswersOption();
        var path = new Option<string?>("--path") { Description = "De antwoorden als nummers, bijvoorbeeld 2,1 / the answers as numbers, e.g. 2,1" };
        var situation = new Option<string?>("--situation") { Description = "Meteen het advies voor een situatie / the advice for a situation straight away" };
        var lang = Cli.LanguageOption("Taal / language: nl of en (standaard: nl)");
        var json = new Option<bool>("--json") { Description = "Uitvoer als JSON / output as JSON" };
        var command = new Command("response-guide", "Wegwijzer: hoe reageer je op een bericht over de organisatie? / guide: how to react to a post about the organisation")
        {
            answers, path, situation, lang, json,
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

            var walker = new ResponseGuideWalker(library);
            try
            {
                GuideSituation chosen;
                if (parse.GetValue(situation) is { } id)
                {
                    chosen = walker.Situation(id);
                }
                else if (parse.GetValue(path) is { } p)
                {
                    var steps = new List<int>();
                    foreach (var part in p.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!int.TryParse(part, out var n))
                        {
                            Console.Error.WriteLine(language == Language.Nl
                                ? $"'{part}' is geen nummer; schrijf het pad als 2,1."
                                : $"'{part}' is not a number; write the path as 2,1.");
                            return Cli.InvalidInput;
                        }

                        steps.Add(n);
                    }

                    chosen = walker.Walk(steps);
                }
                else if (Ask(walker, language) is { } asked)
                {
                    chosen = asked;
                }
                else
                {
                    return Cli.InvalidInput;
                }

                var advice = walker.Advice(chosen, AnswerDefaults.Apply(set, library), language);
                Console.Out.Write(parse.GetValue(json) ? Json(advice) : Text(advice, language));
                return Cli.Ok;
            }
            catch (GuidePathException e)
            {
                Console.Error.WriteLine(e.Text[language]);
                return Cli.InvalidInput;
            }
        });

        return command;
    }

    /// <summary>Asks the questions on the terminal (or reads the numbers from standard input); null when the input ends.</summary>
    private static GuideSituation? Ask(ResponseGuideWalker walker, Language language)
    {
        var question = walker.Start;
        while (true)
        {
            Console.Error.WriteLine(question.Text[language]);
            for (var i = 0; i < question.Answers.Count; i++)
            {
                Console.Error.WriteLine($"  {i + 1}. {question.Answers[i].Label[language]}");
            }

            Console.Error.Write(language == Language.Nl ? "Kies een nummer: " : "Choose a number: ");
            var line = Console.In.ReadLine();
            if (line is null)
            {
                Console.Error.WriteLine();
                Console.Error.WriteLine(language == Language.Nl ? "Geen antwoord gekregen." : "No answer given.");
                return null;
            }

            if (!int.TryParse(line.Trim(), out var n) || n < 1 || n > question.Answers.Count)
            {
                Console.Error.WriteLine(language == Language.Nl
                    ? $"Typ een nummer van 1 tot en met {question.Answers.Count}."
                    : $"Type a number from 1 to {question.Answers.Count}.");
                continue;
            }

            switch (walker.Answer(question.Id, n))
            {
                case GuideStep.Done done:
                    return done.Situation;
                case GuideStep.Ask next:
                    question = next.Question;
                    break;
            }
        }
    }

    public static string Text(GuideAdvice advice, Language language)
    {
        var nl = language == Language.Nl;
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine(advice.Title);
        w.WriteLine(advice.Recognise);
        w.WriteLine();
        w.WriteLine(nl ? "Wat doe je:" : "What to do:");
        for (var i = 0; i < advice.Steps.Count; i++)
        {
            w.WriteLine($"{i + 1}. {advice.Steps[i]}");
        }

        w.WriteLine();
        w.WriteLine(advice.Escalate
            ? (nl ? $"Neem contact op met: {advice.EscalationContact}" : $"Contact: {advice.EscalationContact}")
            : (nl ? $"Twijfel je? Neem contact op met: {advice.EscalationContact}" : $"In doubt? Contact: {advice.EscalationContact}"));
        return w.ToString();
    }

    public static string Json(GuideAdvice advice) =>
        JsonSerializer.Serialize(
            new
            {
                situation = advice.SituationId,
                title = advice.Title,
                recognise = advice.Recognise,
                steps = advice.Steps,
                escalate = advice.Escalate,
                escalation_contact = advice.EscalationContact,
            },
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
