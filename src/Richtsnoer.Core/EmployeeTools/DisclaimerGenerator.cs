using System.Globalization;
using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Core.EmployeeTools;

/// <summary>The disclaimer and bio line for one employee, or the problems that stop them.</summary>
public sealed record DisclaimerOutcome(string? Disclaimer, string? Bio, int BioLength, IReadOnlyList<LocalText> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// The personal-blog disclaimer and a short bio line for an employee, from name, year and
/// organisation. Built on <see cref="DisclaimerText"/>, the same templates as the protocol's
/// appendix (content/disclaimer.yaml). The bio line must fit in 160 characters: when the full
/// organisation name makes it too long, the organisation's short name is used instead.
/// </summary>
public static class DisclaimerGenerator
{
    public const int MaxBioLength = 160;
    public const int MaxNameLength = 100;
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    /// <summary>For an employee of the organisation in <paramref name="effectiveAnswers"/> (org_name, else its first short name).</summary>
    public static DisclaimerOutcome ForOrganisation(ContentLibrary library, AnswerSet effectiveAnswers, Language language, string? name, int? year)
    {
        var full = effectiveAnswers.Text("org_name") ?? "";
        var outcome = Generate(library.Disclaimer, language, name, year, full);
        if (!outcome.Ok && outcome.BioLength > MaxBioLength)
        {
            foreach (var shortName in effectiveAnswers.List("org_short_names"))
            {
                var shorter = Generate(library.Disclaimer, language, name, year, shortName);
                if (shorter.Ok || shorter.BioLength <= MaxBioLength)
                {
                    return shorter;
                }
            }
        }

        return outcome;
    }

    /// <summary>Fills the templates and checks the input and the length of the bio line.</summary>
    public static DisclaimerOutcome Generate(DisclaimerTemplates templates, Language language, string? name, int? year, string organisation)
    {
        var problems = new List<LocalText>();
        var cleanName = name?.Trim();
        if (string.IsNullOrEmpty(cleanName))
        {
            problems.Add(new("Vul je naam in.", "Fill in your name."));
        }
        else if (cleanName.Length > MaxNameLength)
        {
            problems.Add(new($"Je naam is langer dan {MaxNameLength} tekens.", $"Your name is longer than {MaxNameLength} characters."));
        }
        else if (cleanName.Any(c => char.IsControl(c) || c is '{' or '}' or '<' or '>'))
        {
            problems.Add(new("Je naam bevat tekens die niet in een naam horen.", "Your name contains characters that do not belong in a name."));
        }

        if (year is { } y && (y < MinYear || y > MaxYear))
        {
            problems.Add(new($"Het jaartal moet tussen {MinYear} en {MaxYear} liggen.", $"The year must be between {MinYear} and {MaxYear}."));
        }

        if (string.IsNullOrWhiteSpace(organisation))
        {
            problems.Add(new("De naam van de organisatie ontbreekt.", "The organisation's name is missing."));
        }

        if (problems.Count > 0)
        {
            return new DisclaimerOutcome(null, null, 0, problems);
        }

        var filled = DisclaimerText.Fill(templates, language, cleanName, year, organisation);
        var length = new StringInfo(filled.Bio).LengthInTextElements;
        if (length > MaxBioLength)
        {
            problems.Add(new(
                $"De bio is {length} tekens; dat mag maximaal {MaxBioLength} zijn. Gebruik een kortere naam.",
                $"The bio is {length} characters; the maximum is {MaxBioLength}. Use a shorter name."));
            return new DisclaimerOutcome(filled.Disclaimer, null, length, problems);
        }

        return new DisclaimerOutcome(filled.Disclaimer, filled.Bio, length, []);
    }
}
