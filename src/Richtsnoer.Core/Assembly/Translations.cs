using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Content;

namespace Richtsnoer.Core.Assembly;

/// <summary>
/// A text the organisation wrote (an adaptation or an own clause) that has no text yet in one of
/// the protocol's languages. <see cref="Existing"/> is the text it does have, to translate from.
/// </summary>
public sealed record MissingTranslation(Language Language, string ClauseId, bool Own, ClauseText Existing, int Index);

/// <summary>
/// Adaptations and own clauses carry a text per language of the protocol. When a language is
/// added later, these are what still needs translating; the assembler refuses a document in that
/// language until they are done, rather than mixing languages or dropping an adaptation.
/// </summary>
public static class Translations
{
    public const string Code = "missing-translation";

    /// <summary>The languages the answers ask for (Dutch when none is given).</summary>
    public static IReadOnlyList<Language> Of(AnswerSet effective)
    {
        var list = effective.List("languages").Select(c => LanguageExtensions.TryParse(c, out var l) ? l : (Language?)null).OfType<Language>().Distinct().ToList();
        return list.Count == 0 ? [Language.Nl] : list;
    }

    /// <summary>Every adaptation of a clause in the protocol and every own clause that lacks a text in one of its languages.</summary>
    public static IReadOnlyList<MissingTranslation> Missing(ContentLibrary library, AnswerSet answers)
    {
        var effective = AnswerDefaults.Apply(answers, library);
        var inProtocol = ProtocolAssembler.SelectClauses(library, effective).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var result = new List<MissingTranslation>();
        foreach (var language in Of(effective))
        {
            foreach (var a in effective.Customisations.Adapted.Where(a => inProtocol.Contains(a.ClauseId) && a.For(language) is null))
            {
                result.Add(new MissingTranslation(language, a.ClauseId, Own: false, (a.Nl ?? a.En)!, 0));
            }

            foreach (var (c, i) in effective.Customisations.Custom.Select((c, i) => (c, i)).Where(x => x.c.For(language) is null && (x.c.Nl ?? x.c.En) is not null))
            {
                result.Add(new MissingTranslation(language, c.Id, Own: true, (c.Nl ?? c.En)!, i + 1));
            }
        }

        return result;
    }

    /// <summary>The field of the answers file the translation goes in.</summary>
    public static string Field(MissingTranslation m) =>
        m.Own ? $"custom_clauses[{m.Index}].{m.Language.Code()}" : $"adapted_clauses.{m.ClauseId}.{m.Language.Code()}";

    /// <summary>The assembler's refusal for one such text.</summary>
    internal static AssemblyProblem Problem(ClauseText? existing, string number, bool own, Language language)
    {
        var title = existing?.Title.Trim() ?? string.Empty;
        var (nl, en) = language == Language.En ? ("Engelse", "English") : ("Nederlandse", "Dutch");
        return own
            ? new AssemblyProblem(Code, new(
                $"eigen bepaling {number} ('{title}') heeft nog geen {nl} tekst; schrijf die eerst, want het protocol mengt geen talen",
                $"own clause {number} ('{title}') has no {en} text yet; write it first, because the protocol does not mix languages"))
            : new AssemblyProblem(Code, new(
                $"bepaling {number} is aangepast ('{title}'), maar de aanpassing heeft nog geen {nl} tekst; vertaal haar of zet de tekst uit de bibliotheek terug",
                $"clause {number} was adapted ('{title}'), but the adaptation has no {en} text yet; translate it or restore the library text"));
    }

    /// <summary>The same, as errors of the answers file (for <c>answers validate</c> and the web app).</summary>
    public static IReadOnlyList<AnswerError> Errors(ContentLibrary library, AnswerSet answers) =>
        Missing(library, answers).Select(m =>
        {
            var (nl, en) = m.Language == Language.En ? ("Engelse", "English") : ("Nederlandse", "Dutch");
            var what = m.Own ? ("deze eigen bepaling", "this own clause") : ("deze aanpassing", "this adaptation");
            return new AnswerError(Field(m), Code, new(
                $"het protocol is ook in het {(m.Language == Language.En ? "Engels" : "Nederlands")}, maar {what.Item1} heeft nog geen {nl} tekst",
                $"the protocol is also in {en}, but {what.Item2} has no {en} text yet"));
        }).ToList();
}
