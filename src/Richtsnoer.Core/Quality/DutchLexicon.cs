namespace Richtsnoer.Core.Quality;

/// <summary>
/// Words whose written syllables the Dutch rules in <see cref="DutchSyllables"/> get wrong:
/// mostly English loanwords with a silent e or "ea" as one sound, and abbreviations that are
/// read as letters. Kept in code beside the counter it corrects: it is part of the algorithm,
/// not text an HR author edits (see docs/quality-checks.md).
/// </summary>
internal static class DutchLexicon
{
    /// <summary>Whole words (lower case), inflected forms included.</summary>
    public static readonly IReadOnlyDictionary<string, int> Words = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        // Social media and the internet.
        ["online"] = 2,
        ["offline"] = 2,
        ["website"] = 2,
        ["websites"] = 2,
        ["site"] = 1,
        ["sites"] = 1,
        ["homepage"] = 2,
        ["update"] = 2,
        ["updates"] = 2,
        ["updaten"] = 3,
        ["geüpdatet"] = 4,
        ["like"] = 1,
        ["likes"] = 1,
        ["liket"] = 1,
        ["liken"] = 2,
        ["geliked"] = 2,
        ["like-knop"] = 2,
        ["e-mail"] = 2,
        ["e-mails"] = 2,
        ["e-mailen"] = 3,
        ["facebook"] = 2,
        ["youtube"] = 2,
        ["smartphone"] = 2,
        ["smartphones"] = 2,
        ["stream"] = 1,
        ["streams"] = 1,
        ["streamen"] = 2,
        ["meme"] = 1,
        ["memes"] = 1,
        ["fake"] = 1,
        ["timeline"] = 2,
        ["software"] = 2,
        ["quote"] = 1,
        ["quotes"] = 1,
        ["follower"] = 3,
        ["followers"] = 3,

        // Work.
        ["team"] = 1,
        ["teams"] = 1,
        ["social"] = 2,
        ["deadline"] = 2,
        ["deadlines"] = 2,
        ["service"] = 2,
        ["management"] = 3,
        ["coach"] = 1,
        ["coaches"] = 2,
        ["coachen"] = 2,
        ["sales"] = 1,
        ["business"] = 2,
        ["freelance"] = 2,
        ["headhunter"] = 3,
        ["headhunters"] = 3,
        ["leasen"] = 2,
        ["museum"] = 3,

        // Abbreviations written in lower case but spoken letter by letter.
        ["cao"] = 3,
        ["cao's"] = 3,
        ["ceo"] = 3,
        ["hr"] = 2,
        ["ict"] = 3,
        ["avg"] = 3,
        ["dpia"] = 4,
        ["ok"] = 2,

        // Capitals read as a word, not letter by letter.
        ["nato"] = 2,
        ["unesco"] = 3,
    };

    /// <summary>
    /// Loanwords that are also found inside compounds and inflections (teamleider, onlinegedrag,
    /// socialmediabeleid, websitebeheer). Only words that do not occur inside ordinary Dutch words:
    /// "social" alone would also match sociale and socialisme, which the rules count right.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> CompoundParts = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["team"] = 1,
        ["online"] = 2,
        ["offline"] = 2,
        ["website"] = 2,
        ["homepage"] = 2,
        ["update"] = 2,
        ["socialmedia"] = 5,
        ["deadline"] = 2,
        ["service"] = 2,
        ["management"] = 3,
        ["facebook"] = 2,
        ["youtube"] = 2,
        ["smartphone"] = 2,
        ["timeline"] = 2,
        ["software"] = 2,
        ["headhunter"] = 3,
    };
}
